# A reference to an undefined group name fails at compile time.
import re

print(re.match('(?P<word>\\w+) (?P=word)', 'hi hi').group('word'))
re.compile('(?P<word>\\w+) (?P=wrod)')
