# os.mkdir of an existing directory.
import os

print(os.path.isdir('.'))
os.mkdir('.')
