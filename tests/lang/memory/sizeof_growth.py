# getsizeof grows the way CPython's does: lists over-allocate at the same
# lengths, strings grow by one per ASCII character, tuples by one slot per
# item, and bigger ints take more room.
import sys

lst = []
prev = sys.getsizeof(lst)
grew = []
for i in range(200):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size != prev:
        grew.append(len(lst))
        prev = size
print(grew)

shrink = []
prev = sys.getsizeof(lst)
while lst:
    lst.pop()
    size = sys.getsizeof(lst)
    if size != prev:
        shrink.append(len(lst))
        prev = size
print(shrink)
print(sys.getsizeof(list(range(10))) == sys.getsizeof(list(range(10))))

s = ""
steps = []
for i in range(5):
    steps.append(sys.getsizeof(s + "x") - sys.getsizeof(s))
    s += "x"
print(steps)
print(sys.getsizeof("a" * 100) - sys.getsizeof("a" * 50))

tuple_steps = [sys.getsizeof(tuple(range(n + 1))) - sys.getsizeof(tuple(range(n))) for n in range(1, 5)]
print(tuple_steps)
print(sys.getsizeof((1, 2, 3)) - sys.getsizeof(()) == 3 * tuple_steps[0])

print(sys.getsizeof(2**1000) > sys.getsizeof(2**100) > sys.getsizeof(1))
print(sys.getsizeof(0) == sys.getsizeof(1) == sys.getsizeof(255))

d = {}
dgrew = []
prev = sys.getsizeof(d)
for i in range(100):
    d[i] = i
    size = sys.getsizeof(d)
    if size != prev:
        dgrew.append(len(d))
        prev = size
print(dgrew)
