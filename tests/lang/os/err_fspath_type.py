# os.fspath of an object that is no path.
import os


class NoPath:
    pass


print(os.fspath('ok'))
os.fspath(NoPath())
