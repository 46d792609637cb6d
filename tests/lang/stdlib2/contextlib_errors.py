# contextmanager's RuntimeError rules.
from contextlib import contextmanager


@contextmanager
def noyield():
    if False:
        yield


@contextmanager
def twice():
    yield 1
    yield 2


@contextmanager
def ignore_throw():
    try:
        yield
    except ValueError:
        pass
    yield


@contextmanager
def plain():
    yield


for cm in (noyield, twice):
    try:
        with cm():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)

try:
    with ignore_throw():
        raise ValueError
except RuntimeError as e:
    print("RuntimeError:", e)

# A StopIteration from the block passes through unchanged.
try:
    with plain():
        raise StopIteration("stop")
except StopIteration as e:
    print("StopIteration:", e)


@contextmanager
def reraise():
    try:
        yield
    except Exception:
        raise


try:
    with reraise():
        raise StopIteration("again")
except StopIteration as e:
    print("StopIteration:", e)
except RuntimeError as e:
    print("RuntimeError:", e)

# The generator is single-use, but the decorator form recreates it.
cm = plain()
with cm:
    pass
try:
    with cm:
        pass
except (AttributeError, RuntimeError) as e:
    print(type(e).__name__)
