# os.rename names both paths in its error.
import os

print(os.path.exists('kaa_no_such_file'))
os.rename('kaa_no_such_file', 'kaa_other_name')
