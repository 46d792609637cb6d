# Looking up a missing attribute on an int raises AttributeError.
n = 5
s = 'text'
print(s.upper())
print(n.foo)
print('never printed')
