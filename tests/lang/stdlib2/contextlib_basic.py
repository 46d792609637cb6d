# contextlib: contextmanager, suppress, closing, nullcontext, redirect_stdout.
import sys
from contextlib import (contextmanager, suppress, closing, nullcontext,
                        redirect_stdout, redirect_stderr, ContextDecorator,
                        AbstractContextManager)


@contextmanager
def tag(name):
    """Wrap output in a tag."""
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)


with tag("b") as t:
    print("inside", t)
print(tag.__name__, tag.__doc__)

try:
    with tag("i"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))


with swallow():
    raise KeyError("k")
print("after swallow")

with swallow():
    pass
print("no exception")


@contextmanager
def translate():
    try:
        yield
    except ZeroDivisionError:
        raise ArithmeticError("translated")


try:
    with translate():
        1 / 0
except ArithmeticError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)


# Decorator use: a fresh manager per call.
@tag("call")
def work(x):
    print("work", x)
    return x * 2


print(work(1), work(2))

with suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
try:
    with suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("ValueError", e)


class Resource:
    def close(self):
        print("closed")


with closing(Resource()) as r:
    print("using", type(r).__name__)

with nullcontext(42) as v:
    print("null", v)
with nullcontext() as v:
    print("null", v)


class Capture:
    def __init__(self):
        self.data = []

    def write(self, s):
        self.data.append(s)


cap = Capture()
with redirect_stdout(cap) as target:
    print("captured", 1, 2)
    print(target is cap)
print("".join(cap.data), end="")
err = Capture()
with redirect_stderr(err):
    sys.stderr.write("to err\n")
print(err.data)


class Loud(ContextDecorator):
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0])
        return False


@Loud()
def f():
    print("in f")


f()
print(isinstance(tag("x"), AbstractContextManager), isinstance(3, AbstractContextManager))
print(issubclass(Loud, AbstractContextManager))
