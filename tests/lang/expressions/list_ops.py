# List concatenation, repetition, assignment, del and length.
a = [1, 2, 3]
b = [4, 5]
print(a + b, b + a, a + [], [] + [])
print(a * 2, [0] * 5, [] * 3, a * 0, a * -1, 2 * b)
print(len(a + b), len([[]] * 3), len([]))
a[0] = 'one'
a[-1] = [3]
print(a)
a[1] += 10
print(a)
del a[0]
print(a)
del a[-1]
print(a, len(a))
c = [1, 2, 3, 4, 5, 6]
del c[1]
del c[1]
print(c)
grid = [[0] * 3, [0] * 3]
grid[0][1] = 5
grid[1][2] = 7
print(grid)
shared = [[0] * 2] * 2
shared[0][0] = 1
print(shared)
x = [1, 2]
x += [3]
x *= 2
print(x)
y = x
y += [9]
print(x is y, x)
z = x + [10]
print(x is z, len(z))
m = [1, 'a', 2.5, None, True, [1], (2,), {'k': 1}]
print(m, len(m))
print([] == [], [[]] == [[]], [0] * 3 == [0, 0, 0])
