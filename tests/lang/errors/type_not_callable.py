# Calling an int raises TypeError: 'int' object is not callable.
def f():
    return 1
value = f()
print('value', value)
f = value
print('f is now', f)
f()
print('never printed')
