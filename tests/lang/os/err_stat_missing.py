# An uncaught FileNotFoundError from os.stat.
import os

print('stat a missing file')
os.stat('kaa_no_such_file')
print('not reached')
