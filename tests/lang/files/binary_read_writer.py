# Reading from a file opened only for writing is an uncaught
# io.UnsupportedOperation.
# golden: full-stderr
import sys

PATH = 'binary_read_writer_' + ('k' if 'kaa' in sys.version else 'c') + '.bin'

f = open(PATH, 'wb')
print(type(f).__name__, f.readable())
f.read()
print('not reached')
