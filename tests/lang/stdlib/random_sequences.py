# random: the same sequences as CPython for the same seeds.
import random

r = random.Random(42)
print(r.random(), r.random())
print([r.randint(1, 6) for _ in range(10)])
print([r.randrange(100) for _ in range(5)], r.randrange(10, 20, 3), r.randrange(50, 0, -7))
print(r.choice('abcdefg'), r.choice([10, 20, 30]), r.getrandbits(8), r.getrandbits(100))
deck = list(range(12))
r.shuffle(deck)
print(deck)
print(r.sample(range(100), 5), r.sample('abcdefgh', 3), sorted(r.sample(range(1000000), 3)))
print(r.uniform(1, 10), r.choices('abc', k=6), r.choices('xyz', weights=[5, 1, 1], k=6))
print(r.choices(range(4), cum_weights=[1, 2, 3, 10], k=5))

for seed in [0, 1, -7, 2 ** 70, 3.5, 'hello', 'naïve']:
    print(repr(seed), random.Random(seed).random())

random.seed(2024)
first = [random.random() for _ in range(3)]
random.seed(2024)
print(first == [random.random() for _ in range(3)], round(first[0], 6))
state = random.getstate()
a = random.randint(0, 10 ** 9)
random.setstate(state)
print(a == random.randint(0, 10 ** 9))
for f in [lambda: r.randrange(0), lambda: r.randrange(5, 2), lambda: r.randrange(1, 9, 0),
          lambda: r.choice([]), lambda: r.sample([1, 2], 3), lambda: r.getrandbits(-1)]:
    try:
        f()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
