# Counter: counting, most_common, elements, arithmetic and comparisons.
from collections import Counter

c = Counter('abracadabra')
print(c)
print(c.most_common(3), c.most_common()[-1], c['z'], c.total())
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))

text = 'the cat and the hat and the bat'
words = Counter(text.split())
print(words.most_common(2), len(words), words['the'])

c.update('aaz')
c.update({'b': 10})
print(c)
c.subtract(a=100)
print(c)
del c['zz']
del c['z']
print(c, +c)
print(repr(Counter()), Counter({'x': 1}, y=2), Counter(a=1) == Counter(a=1, b=0))

p = Counter(a=3, b=1, c=0)
q = Counter(a=1, b=2, d=4)
print(p + q, p - q, p | q, p & q, -q, +p)
r = Counter(a=1)
r += Counter(a=2, b=-1)
print(r)
r -= Counter(a=5)
print(r)
print(Counter(a=1) <= Counter(a=2), Counter(a=3) < Counter(a=2), Counter(a=2) >= Counter(a=2))
print(Counter('hello') == Counter('olleh'), sorted(Counter('mississippi').items()))

try:
    Counter.fromkeys('abc')
except NotImplementedError as e:
    print('NotImplementedError', e)
