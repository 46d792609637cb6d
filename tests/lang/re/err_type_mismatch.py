# A str pattern cannot search bytes.
import re

print(re.search(b'b', b'abc'))
re.search('b', b'abc')
