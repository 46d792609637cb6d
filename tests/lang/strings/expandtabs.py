# expandtabs: columns restart after newlines and carriage returns
texts = ['a\tb', '\t', 'ab\tcd\tef', 'a\tbc\td\n\tx', 'abcdefgh\tx', 'é\tb', 'a\r\tb', '']
for t in texts:
    print(repr(t), repr(t.expandtabs()), repr(t.expandtabs(4)), repr(t.expandtabs(1)),
          repr(t.expandtabs(0)), repr(t.expandtabs(-3)), repr(t.expandtabs(tabsize=3)))
