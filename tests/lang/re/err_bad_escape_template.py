# A bad escape in a replacement template is reported when sub() parses it.
import re

print(re.sub('a', 'b', 'banana'))
re.sub('a', r'\q', 'banana')
