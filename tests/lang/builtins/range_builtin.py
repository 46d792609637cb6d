# range objects: printing, iteration, negative steps and empty ranges.
print(range(5))
print(range(0, 5))
print(range(2, 8))
print(range(1, 10, 2))
print(range(10, 0, -1))
print(range(-3, 3))
print(range(0))
print(repr(range(3)), str(range(1, 4)))
print(type(range(3)))
r = range(3, 12, 4)
for x in r:
    print(x)
for x in r:
    print('again', x)
out = []
for i in range(20, -1, -5):
    out.append(i)
print(out)
out = []
for i in range(-1, -10, -3):
    out.append(i)
print(out)
for args in [(0, 0), (5, 2), (1, 2, -1), (3, 3, -1)]:
    n = 0
    if len(args) == 2:
        for i in range(args[0], args[1]):
            n += 1
    else:
        for i in range(args[0], args[1], args[2]):
            n += 1
    print(args, n)
print(len(range(0, 100, 7)), len(range(100, 0, -7)))
