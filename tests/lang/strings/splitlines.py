# splitlines recognises every Unicode line boundary
texts = ['', '\n', 'a', 'a\n', 'a\n\nb\n', 'a\r\nb\rc\nd', 'a\r', '\r\n\r\n', 'a\x0bb\x0cc',
         'a\x1cb\x1dc\x1ed', 'a\x85b', 'a\u2028b\u2029c', 'x\x1fy']
for t in texts:
    print(repr(t), t.splitlines(), t.splitlines(True), t.splitlines(keepends=False))
print('a\nb'.splitlines(2), 'a\nb'.splitlines(0))
