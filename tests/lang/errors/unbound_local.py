# Reading a local before it is assigned raises UnboundLocalError.
total = 10
def f():
    print('in f')
    print(total)
    total = 5
    return total
print('calling f')
f()
print('never printed')
