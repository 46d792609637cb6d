# for over range with one, two and three arguments.
for i in range(5):
    print(i, end=' ')
print()
for i in range(2, 6):
    print(i, end=' ')
print()
for i in range(0, 20, 5):
    print(i, end=' ')
print()
for i in range(10, 0, -3):
    print(i, end=' ')
print()
for i in range(-5, -1):
    print(i, end=' ')
print()
for i in range(0):
    print('never')
for i in range(5, 5):
    print('never')
for i in range(5, 0):
    print('never')
for i in range(0, 5, -1):
    print('never')
print('empty ranges done')
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(3):
    i = i * 100
    print(i)
print('i after loop', i)
n = 3
for i in range(n):
    n = 10
    print('n changed', i)
r = range(3)
for x in r:
    for y in r:
        print(x * y, end=',')
print()
