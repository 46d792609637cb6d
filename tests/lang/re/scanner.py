# Pattern.scanner() and the (undocumented but used) re.Scanner lexer.
import re

def ident(scanner, token):
    return ('ID', token)

lexer = re.Scanner([
    (r'[a-zA-Z_]\w*', ident),
    (r'\d+', lambda scanner, token: ('NUM', int(token))),
    (r'[-+*/=]', lambda scanner, token: ('OP', token)),
    (r'\s+', None),
])
print(lexer.scan('x = 42 + y1 * 3 $ rest'))
print(lexer.scan(''), lexer.match.group() if hasattr(lexer, 'match') else None)
print(re.Scanner([(b'a+', lambda s, t: t), (b'b', None)]).scan(b'aabaac'))

p = re.compile(r'\d+')
s = p.scanner('a12b345c6')
print(s.pattern is p, s.search(), s.search(), s.match(), s.search())
s = re.compile('x*').scanner('axxb')
print([s.search() for i in range(6)])
s = p.scanner('123456', 2, 4)
print(s.match(), s.match())
