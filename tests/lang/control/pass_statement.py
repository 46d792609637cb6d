# pass as an empty body everywhere a block is required.
def nothing():
    pass
print(nothing())
if True:
    pass
else:
    pass
for i in range(3):
    pass
print(i)
n = 0
while n < 2:
    n += 1
    pass
print(n)
def with_pass(v):
    pass
    return v
print(with_pass(7))
if False:
    pass
elif True:
    pass
    print('elif body after pass')
for c in 'ab':
    if c == 'a':
        pass
    else:
        print('c is', c)
