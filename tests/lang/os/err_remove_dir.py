# os.remove of a directory.
import os

print(os.path.isdir('.'))
os.remove('.')
