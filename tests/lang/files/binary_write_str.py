# Writing a str to a binary file is an uncaught TypeError.
import sys

PATH = 'binary_write_str_' + ('k' if 'kaa' in sys.version else 'c') + '.bin'

with open(PATH, 'wb') as f:
    print(f.write(b'bytes are fine\n'))
    f.write('but not text\n')
print('not reached')
