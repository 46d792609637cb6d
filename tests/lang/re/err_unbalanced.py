# A stray closing parenthesis is reported where it stands.
import re

print(re.match('(a)b', 'ab').groups())
re.search('(a)b)', 'ab')
