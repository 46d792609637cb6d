# deque: both ends, maxlen, rotation, indexing, comparisons and errors.
from collections import deque


def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


d = deque('bcd')
d.append('e')
d.appendleft('a')
print(d, len(d), d[0], d[-1], 'c' in d, list(reversed(d)))
print(d.pop(), d.popleft(), d)
d.extend('xyz')
d.extendleft([1, 2])
print(d, d.count('x'), d.index('x'), d.index('c', 2))
d.rotate(3)
print(d)
d.rotate(-4)
print(d)
d.reverse()
print(d)
d.remove('x')
d[0] = 'first'
del d[1]
d.insert(2, 'ins')
print(d, d.maxlen, bool(d), bool(deque()))
d.clear()
print(d, repr(deque()))

last3 = deque(maxlen=3)
for i in range(6):
    last3.append(i)
print(last3, last3.maxlen)
last3.appendleft(-1)
print(last3, deque(range(10), 2), deque([], 0))

a = deque([1, 2, 3])
print(a == deque([1, 2, 3]), a == [1, 2, 3], a < deque([1, 2, 4]), a + deque([4]), a * 2)
a += [9]
print(a, a.copy(), list(a) == [1, 2, 3, 9])
a.append(a)
print(a)

# Popping alternately from both ends of a long deque.
q = deque(range(1000))
total = 0
while q:
    total += q.popleft()
    if q:
        total -= q.pop()
print(total)

attempt(deque().pop)
attempt(deque().popleft)
attempt(lambda: deque([1])[5])
attempt(deque([1]).remove, 3)
attempt(deque([1]).index, 3)
attempt(deque, [], -1)
attempt(deque([1], 1).insert, 0, 2)
attempt(lambda: deque() + [1])
m = deque([1, 2, 3])
attempt(lambda: [m.append(x) for x in m])
