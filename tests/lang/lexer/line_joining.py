# Implicit line joining inside brackets and explicit backslash continuation.
a = [1,
     2,
     3]
print(a)
b = (1 +
     2 +
     3)
print(b)
c = {'x': 1,
     'y': 2,
}
print(c)
print(1,
      2,
        3)
d = 1 + \
    2 + \
    3
print(d)
if a[0] == 1 and \
   b == 6:
    print('joined condition')
e = [
    [1, 2],
    [3,
     4],
]
print(e)
f = (
    'a'
    'b'
)
print(f)
def g(x,
      y):
    return x + \
        y
print(g(1,
        2))
t = (1,
)
print(t)
x = 1 + (2
# a comment inside brackets
    * 3)
print(x)
