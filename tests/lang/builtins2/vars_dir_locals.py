# vars(), dir() and locals() in modules, functions, classes and instances.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

def f(a, b=2, *args, **kw):
    c = a + b
    def g():
        return a + c
    print(sorted(locals()))
    print(locals()['a'], locals()['c'], locals()['args'], locals()['kw'])
    del c
    print(sorted(locals()), dir())
    return g

f(1, 5, 6, k=3)

def outer(x):
    def inner():
        y = x
        print(locals())
    inner()

outer(42)

class K:
    x = 1
    def m(self):
        pass
    print(sorted(locals()))

class A:
    cls_attr = 1
    def meth(self):
        pass

class B(A):
    def __init__(self):
        self.inst = 2

b = B()
print([n for n in dir(b) if not n.startswith('__')])
print([n for n in dir(B) if not n.startswith('__')])
print(vars(b), vars(b) is b.__dict__)
b.extra = 'e'
print(vars(b))

class D:
    def __dir__(self):
        return ['zz', 'aa', 'mm']

print(dir(D()))
print([n for n in dir() if not n.startswith('__')])
print(vars() is globals(), locals() is globals())
show(lambda: vars(1))
show(lambda: vars(1, 2))
show(lambda: vars(x=1))
show(lambda: dir(1, 2))
show(lambda: dir(x=1))
print('meth' in dir(A), 'cls_attr' in vars(A))
