# An instance attribute shadows a method of the same name (LOAD_METHOD).
class A:
    def foo(self):
        return 'method'

    def bar(self):
        return 'bar'


a = A()
print(a.foo())
a.foo = lambda: 'instance'
print(a.foo(), A().foo())
del a.foo
print(a.foo())
for i in range(3):
    setattr(a, 'attr%d' % i, i)
a.bar = len
print(a.bar('four'), a.attr2)


class B(A):
    __slots__ = ()


b = B()
b.foo = lambda: 'slot-less subclass instance'
print(b.foo())
