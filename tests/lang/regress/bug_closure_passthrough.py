# A free variable used two scopes down, through a function (or class body)
# that does not use it itself: kaa reports "internal error: no cell for 'x'".
def outer(x):
    def middle():
        def inner():
            return x
        return inner
    return middle


print(outer(1)()())


def make(n):
    class K:
        def get(self):
            return n
    return K


print(make(5)().get())
