# count, cycle, repeat: values, laziness with islice and zip, reprs.
from itertools import count, cycle, repeat, islice

print(list(islice(count(), 5)), list(islice(count(10, 5), 4)), list(islice(count(2.5, -0.5), 4)))
print(list(zip(count(1), 'abc')))
c = count(7)
print(next(c), next(c), c, count(), count(1.5, 2), count(0, -1))
print(list(islice(cycle('AB'), 5)), list(islice(cycle([1, 2, 3]), 7)), list(cycle([])))
print(list(repeat('x', 3)), list(repeat(1, 0)), list(repeat(1, -2)), list(islice(repeat(0), 4)))
r = repeat('z', 2)
print(r, next(r), r)
print(list(map(pow, range(5), repeat(2))))
print(repeat(None))
try:
    count('a')
except TypeError as e:
    print('TypeError', e)
# A generator pipeline: the first odd squares above 50.
squares = (n * n for n in count(1))
odd = (s for s in squares if s % 2)
print(list(islice((s for s in odd if s > 50), 4)))
