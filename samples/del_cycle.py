# Objects with __del__ in a cycle (PEP 442, Python 3.4+): the collector runs
# each finalizer once, then frees the cycle; nothing ends in gc.garbage.
import gc


class Person:
    def __init__(self, name):
        self.name = name
        self.friend = None

    def __del__(self):
        print("__del__", self.name)


gc.collect()
alice = Person("alice")
bob = Person("bob")
alice.friend = bob
bob.friend = alice
del alice, bob
print("nothing freed yet")
print("collected:", gc.collect())
print("gc.garbage:", gc.garbage)

# Without a cycle, reference counting frees the object at once.
carol = Person("carol")
del carol
print("end")
