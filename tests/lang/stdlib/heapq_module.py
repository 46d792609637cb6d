# heapq: the exact heap layouts, pops in order, nlargest/nsmallest, merge.
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 10), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 11), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]))
words = ['pear', 'fig', 'banana', 'kiwi', 'apple']
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(2, words, key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge(['c', 'a'], ['d', 'b'], reverse=True)))
print(list(heapq.merge([(1, 'x'), (3, 'y')], [(1, 'z')], key=lambda t: t[0])))

tasks = []
for prio, name in [(2, 'write'), (1, 'plan'), (3, 'test'), (1, 'coffee')]:
    heapq.heappush(tasks, (prio, name))
while tasks:
    print(heapq.heappop(tasks), end=' ')
print()


def attempt(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)


attempt(heapq.heappop, [])
attempt(heapq.heappush, 1, 2)
attempt(heapq.heapreplace, [], 1)
