# Adding an int and a str raises TypeError.
n = 5
s = 'five'
print(n + n, s + s)
print(n + s)
print('never printed')
