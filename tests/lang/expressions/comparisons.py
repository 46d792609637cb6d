# Comparison operators, chained comparisons and ordering of sequences.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 3 > 2, 2 == 2, 2 != 2)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 1)
print(1 < 2 > 0, 5 >= 5 <= 5, 0 < 0 == 0)
print(-1 < 0 < 1 < 2 < 3 < 4)
def show(v):
    print('evaluated', v)
    return v
print(show(1) < show(2) < show(3))
print(show(3) < show(2) < show(1))
print('abc' < 'abd', 'abc' < 'ab', 'a' < 'b', 'B' < 'a', '' < 'a')
print('abc' == 'abc', 'abc' != 'ABC', 'Z' > 'A')
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9, 9], [] < [0])
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, [2]] == [1, [2]])
print((1, 2) < (1, 3), (1,) < (1, 0), () == (), (1, 2) == (1, 2))
print((1, 'b') < (1, 'c'), ('a', 1) > ('a', 0))
print([1, 2] == (1, 2), 'a' == ['a'], 1 == '1')
print(None == None, None != 0, None == False)
print(1.5 < 2, 2 < 2.5 < 3, -0.0 == 0.0)
x = 5
print(0 < x < 10, 0 < x < 3, x == 5 == 5.0)
