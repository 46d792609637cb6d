# `del` removes a name, not the object: once the last reference is gone the
# object is freed, and using the name again is a NameError.
class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freeing", self.name)


x = Resource("x")
y = x
del x
print("after del x, y still refers to it:", y.name)
del y
print("after del y")

value = 42
del value
try:
    print(value)
except NameError as e:
    print("NameError:", e)
