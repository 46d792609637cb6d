print(str.maketrans('a', 'b'))
print(str.maketrans('ab', 'c'))
