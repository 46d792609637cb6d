# Indexing past the end of a str.
s = 'abc'
print(s[0], s[-1])
print(s[10])
print('never printed')
