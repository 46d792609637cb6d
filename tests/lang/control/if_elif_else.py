# if / elif / else chains and truthiness of conditions.
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    elif n < 100:
        return 'medium'
    else:
        return 'large'
for v in [-5, 0, 3, 42, 1000]:
    print(v, classify(v))
for v in [0, 1, '', 'a', [], [0], (), (0,), {}, {'k': 0}, None, 0.0, 0.1]:
    if v:
        print(repr(v), 'truthy')
    else:
        print(repr(v), 'falsy')
x = 7
if x > 5:
    if x % 2:
        print('big odd')
    else:
        print('big even')
if x < 5:
    print('not printed')
elif x < 6:
    print('not printed either')
print('after if without else')
if x == 7: print('one-line if')
if not x:
    pass
else:
    print('else after pass')
y = 0
if y: print('no')
elif not y: print('elif taken')
else: print('no')
