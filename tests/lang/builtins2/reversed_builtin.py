# reversed(): __reversed__ when the type has it, else __len__ + __getitem__.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(list(reversed([1, 2, 3])), list(reversed('héllo')), list(reversed((1, 2))))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))))
print(list(reversed({'a': 1, 'b': 2, 'c': 3})))
print(list(reversed([])), list(reversed('')))
print(type(reversed('ab')).__name__, type(reversed((1,))).__name__)
r = reversed('abc')
print(r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__())

class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10

class Rev:
    def __reversed__(self):
        return iter('zyx')

class NotRev:
    __reversed__ = None
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i

print(list(reversed(Seq())), list(reversed(Rev())))
show(lambda: reversed(NotRev()))
show(lambda: reversed(5))
show(lambda: reversed())
show(lambda: reversed([1], [2]))
show(lambda: reversed(x=[1]))
show(lambda: reversed(iter([1])))
show(lambda: list(reversed({"a": 1, "b": 2}.keys())))
show(lambda: reversed(None))
for ch in reversed('ok'):
    print(ch)
print(''.join(reversed('stressed')))
