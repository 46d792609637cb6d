# contextlib.ExitStack: LIFO callbacks, suppression, pop_all, chaining.
from contextlib import ExitStack, contextmanager


@contextmanager
def res(name, log):
    log.append("open " + name)
    yield name
    log.append("close " + name)


log = []
with ExitStack() as stack:
    names = [stack.enter_context(res(n, log)) for n in "abc"]
    stack.callback(log.append, "callback")
    print(names)
print(log)


def suppressor(exc_type, exc, tb):
    print("suppressor saw", exc_type.__name__ if exc_type else None)
    return True


with ExitStack() as stack:
    stack.push(suppressor)
    raise ValueError("gone")
print("suppressed")

log = []
with ExitStack() as stack:
    stack.enter_context(res("x", log))
    moved = stack.pop_all()
print(log)
moved.close()
print(log)


def raiser(msg):
    def cb(*exc):
        raise KeyError(msg)
    return cb


try:
    with ExitStack() as stack:
        stack.push(raiser("second"))
        stack.push(raiser("first"))
        raise ValueError("body")
except KeyError as e:
    print("KeyError", e, type(e.__context__).__name__, e.__context__)
    inner = e.__context__
    print(type(inner.__context__).__name__, inner.__context__)


class CM:
    def __enter__(self):
        print("CM enter")
        return self

    def __exit__(self, *exc):
        print("CM exit", exc[0] is None)


with ExitStack() as stack:
    cm = CM()
    print(stack.push(cm) is cm)
try:
    ExitStack().enter_context(42)
except TypeError as e:
    print("TypeError:", e)

stack = ExitStack()
stack.callback(print, "closing", "now", sep="-")
stack.close()
stack.close()
