# Reading a closed binary file is an uncaught ValueError naming the operation.
import sys

PATH = 'binary_read_closed_' + ('k' if 'kaa' in sys.version else 'c') + '.bin'

with open(PATH, 'wb') as f:
    f.write(b'data')
with open(PATH, 'rb') as f:
    print(f.read())
print(f.closed)
f.read()
print('not reached')
