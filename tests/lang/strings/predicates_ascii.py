# is* predicates on ASCII strings, including the empty string
tests = ['', 'abc', 'ABC', 'Abc', 'abc123', '123', ' \t\n', 'a b', 'Hello World', 'Hello world',
         '_id', '1id', 'id1', '\x00', '~', 'HELLO 123', 'hello 123', 'A1', '\x1f', 'if']
names = ['isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower',
         'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper']
for t in tests:
    row = []
    for n in names:
        row.append('1' if getattr(t, n)() else '0')
    print(repr(t).ljust(14), ''.join(row))
