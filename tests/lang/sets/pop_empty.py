s = set([1])
print(s.pop())
s.pop()
