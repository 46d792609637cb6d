# Indexing past the end of a tuple.
t = (1, 2)
print(t[1], t[-2])
print(t[-3])
print('never printed')
