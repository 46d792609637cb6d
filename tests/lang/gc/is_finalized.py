# gc.is_finalized(obj): whether __del__ (tp_finalize) has already run.
import gc

class Plain:
    pass

class Fin:
    def __del__(self):
        print("__del__", self.name)

resurrected = []

class Lazarus:
    def __del__(self):
        print("__del__ Lazarus")
        resurrected.append(self)

print(gc.is_finalized(1), gc.is_finalized("s"), gc.is_finalized(None))
print(gc.is_finalized([]), gc.is_finalized(Plain()), gc.is_finalized(Fin))

f = Fin()
f.name = "f"
print(gc.is_finalized(f))
f.__del__()
print(gc.is_finalized(f))

gc.collect()
x = Lazarus()
x.me = x
del x
print(gc.collect())
obj = resurrected.pop()
print(type(obj).__name__, gc.is_finalized(obj))
del obj.me
del obj
print(gc.collect())
print(resurrected)

a = Fin()
a.name = "a"
a.self = a
del a
print(gc.collect())

for args in [(), (1, 2)]:
    try:
        gc.is_finalized(*args)
    except TypeError as e:
        print(e)
