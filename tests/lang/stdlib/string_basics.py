# string constants and capwords.
import string

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation))
print(repr(string.whitespace), len(string.printable), repr(string.printable[-10:]))
print(string.capwords(' hello   world  '), string.capwords('a-b-c', '-'), string.capwords('ABC dEF gh'))
print(all(c in string.printable for c in 'Hello, World!'), 'x' in string.hexdigits)
table = {c: i for i, c in enumerate(string.ascii_lowercase)}
print(sum(table[c] for c in 'hello'))
print(''.join(c for c in 'a1b2-c3!' if c in string.ascii_letters + string.digits))
