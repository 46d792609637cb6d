# remove() of a missing element: KeyError with the element.
s = set([1, 2])
s.remove(1)
print(s)
s.remove(set([7]))
