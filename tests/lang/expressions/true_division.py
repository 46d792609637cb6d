# / always gives a float, even for ints that divide exactly.
print(6 / 3, 7 / 2, 1 / 3, 2 / 3)
print(-7 / 2, 7 / -2, -7 / -2)
print(0 / 5, 0 / -5)
print(1 / 7, 10 / 4, 100 / 8)
print(9223372036854775807 / 1)
print(4611686018427387904 / 2)
print(1 / 1024, 1 / 3 * 3)
print(22 / 7)
print(1.0 / 3, 1 / 3.0, 1.0 / 3.0)
print(5.5 / 0.5, -2.5 / 0.5)
print(type(4 / 2), type(4.0 / 2))
print(10 / 3 + 10 / 3 + 10 / 3)
x = 17
x /= 4
print(x)
x /= 2
print(x)
