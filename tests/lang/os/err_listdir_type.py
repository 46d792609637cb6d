# os.listdir of something that is not a path.
import os

print(sorted(os.listdir('.')) == sorted(os.listdir()))
os.listdir(1.5)
