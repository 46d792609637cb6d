# An uncaught re.error shows its message and position.
import re

print(re.findall('a+', 'caaab'))
re.compile('+a')
