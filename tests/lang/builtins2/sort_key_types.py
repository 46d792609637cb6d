import random
r = random.Random(5)
nan = float('nan')
cases = [
    [3, 1, 2, -5, 10**20, -10**30, 7],
    [1.5, -2.0, 3.25, 0.0, -0.0, 1e300],
    ['b', 'a', 'é', 'ab', '', 'Z', '日本', 'z'],
    [(1, 'b'), (1, 'a'), (0, 'z'), (1,), (), (2, 0), (1, 'a', 1)],
    [True, False, True, 0, 1],
    [[2, 1], [1, 5], [1], [], [2]],
    [1, 2.5, -1, 0.5, True],
    [(1.5, 2), (1.5, 1), (-3.0, 9)],
    [('x', 2), ('x', 1), ('a', 3)],
    [frozenset([1]), frozenset([1, 2]), frozenset()],
]
for c in cases:
    print(sorted(c), sorted(c, reverse=True))
print(sorted([r.randrange(-1000, 1000) for _ in range(50)]))
words = [''.join(r.choice('abcé') for _ in range(r.randrange(4))) for _ in range(40)]
print(sorted(words))
print(sorted(words, key=len))
print(sorted([(w[:1], i) for i, w in enumerate(words)], reverse=True)[:10])
f = [nan, 1.0, 0.5]
print(sorted(f)[1:])
for bad in [[1, 'a'], [(1, 2), (1, 'a')], [{}, {}], [1j, 2j]]:
    try:
        print(sorted(bad))
    except TypeError as e:
        print('TypeError', e)
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v > o.v
    def __repr__(self): return 'K%d' % self.v
print(sorted([K(1), K(3), K(2)]))
stable = sorted([(i % 3, i) for i in range(12)], key=lambda t: t[0], reverse=True)
print(stable)
