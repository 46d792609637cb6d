# Asking a Match for a group it does not have raises IndexError.
import re

m = re.match(r'(\d+)-(\d+)', '10-20')
print(m.groups())
print(m.group(3))
