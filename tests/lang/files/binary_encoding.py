# An encoding argument in a binary mode is an uncaught ValueError.
print('opening')
open('binary_encoding.py', 'rb', encoding='utf-8')
print('not reached')
