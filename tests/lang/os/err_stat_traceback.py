# golden: full-stderr
# The traceback of an OSError raised by os in a nested call.
import os


def size(path):
    return os.lstat(path).st_size


def total(paths):
    return sum(size(p) for p in paths)


print(total([]))
print(total(['kaa_no_such_file']))
