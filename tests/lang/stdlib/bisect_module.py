# bisect: insertion points, insort, lo/hi bounds and key=.
import bisect

a = [1, 2, 4, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 9))
print(bisect.bisect_left(a, 4, 0, 3), bisect.bisect_right(a, 4, 4), bisect.bisect_left([], 1))
b = []
for x in [5, 1, 4, 1, 9, 2]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 4)
bisect.insort_right(b, 4)
print(b)


def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
people = [('amy', 19), ('bob', 25), ('cid', 31)]
print(bisect.bisect_left(people, 25, key=lambda p: p[1]))
bisect.insort(people, ('dee', 22), key=lambda p: p[1])
print(people)
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print('ValueError', e)
