# break and continue in for and while loops, including nested ones.
for i in range(10):
    if i == 5:
        break
    if i % 2 == 0:
        continue
    print('odd', i)
print('after for, i =', i)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print(i, j)
    print('outer', i)
n = 0
while n < 10:
    n += 1
    if n == 3:
        continue
    if n == 6:
        break
    print('n', n)
found = None
for word in ['alpha', 'beta', 'gamma', 'delta']:
    if word[0] == 'g':
        found = word
        break
print('found', found)
for c in 'abcdef':
    if c in 'bd':
        continue
    print(c, end='')
print()
i = 0
while True:
    i += 1
    j = 0
    while True:
        j += 1
        if j >= i:
            break
    if i > 3:
        break
    print('i, j', i, j)
