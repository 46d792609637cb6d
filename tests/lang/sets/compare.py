# Comparisons are subset tests; hashes of frozensets are CPython's.
a = set([1, 2, 3])
b = set([1, 2, 3, 4])
f = frozenset([3, 2, 1])
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(b > a, b >= a, a == f, f == a, a != f, a <= f, a < f)
print(a == [1, 2, 3], a != (1, 2, 3))
print(a.issubset(b), a.issubset([1, 2, 3, 9]), a.issubset(range(3)))
print(b.issuperset(a), b.issuperset([4, 4, 1]), a.issuperset([5]))
print(a.isdisjoint(set([7, 8])), a.isdisjoint([3]), a.isdisjoint(a), set().isdisjoint(set()))
print(set() < a, set() <= set(), set() < set(), frozenset() == set())

print(hash(frozenset()))
print(hash(frozenset([1, 2])))
print(hash(frozenset([2, 1])) == hash(frozenset([1, 2])))
print(hash(frozenset(range(100))))
print(hash(frozenset([(1, 2), 3.5, -1, True])))
print(hash(frozenset([frozenset([1]), frozenset([2]), frozenset()])))
print(hash(f), hash(frozenset(a)) == hash(f))

# Sets as keys: frozensets hash; set arguments are looked up as frozensets.
s = set([frozenset([1, 2]), frozenset(), frozenset([3])])
print(set([1, 2]) in s, set() in s, set([4]) in s, frozenset([3]) in s)
print(s.__contains__(set([3])))
s.remove(set([1, 2]))
s.discard(set([3]))
print(s)
d = {}
d[frozenset([1, 2])] = "a"
print(d[frozenset([2, 1])])
print(1 in a, 5 in a, 5 not in a, (1,) in a, 2.0 in a, True in a)
