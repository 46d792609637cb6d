# Refcount deaths are immediate and ordered: list and tuple items last index
# first, dict values in insertion order, an instance's __del__ before its
# attributes (in insertion order).
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

print("list:")
items = [Noisy("l0"), Noisy("l1"), Noisy("l2")]
del items
print("tuple:")
t = (Noisy("t0"), Noisy("t1"), Noisy("t2"))
del t
print("dict:")
d = {"a": Noisy("d-a"), "b": Noisy("d-b"), "c": Noisy("d-c")}
d["a2"] = Noisy("d-a2")
del d
print("instance:")
outer = Noisy("outer")
outer.first = Noisy("attr-first")
outer.second = Noisy("attr-second")
outer.third = Noisy("attr-third")
del outer
print("nested:")
n = [Noisy("n0"), [Noisy("n1-0"), Noisy("n1-1")], Noisy("n2")]
n = None
print("rebinding:")
x = Noisy("first value")
x = Noisy("second value")
print("end of rebinding")
del x
print("function local:")
def f():
    local = Noisy("local")
    print("returning")
f()
print("list clear and slice:")
l = [Noisy("c0"), Noisy("c1"), Noisy("c2"), Noisy("c3")]
del l[1:3]
print("after slice")
l.clear()
print("end")
