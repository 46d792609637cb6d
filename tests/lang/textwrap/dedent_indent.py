# dedent and indent.
import textwrap

block = '''
    def f():
        return 1

    \t
    x = f()
'''
print(repr(textwrap.dedent(block)))
print(textwrap.dedent(block), end='')
print(repr(textwrap.dedent('  a\n\tb\n')))
print(repr(textwrap.dedent('\ta\n\t  b\n  \t\n\tc')))
print(repr(textwrap.dedent('    x\n  y\n      z')))
print(repr(textwrap.dedent('  same\n  same')), repr(textwrap.dedent('')))
print(repr(textwrap.dedent('   \n  \n')), repr(textwrap.dedent('  a\r\n  b\r\n')))
print(repr(textwrap.dedent('no indent\n  here')))

text = 'first\n\n  second\n \nthird'
print(repr(textwrap.indent(text, '> ')))
print(repr(textwrap.indent(text, '+ ', lambda line: True)))
print(repr(textwrap.indent(text, '# ', lambda line: line.startswith('  '))))
print(repr(textwrap.indent('a\r\nb\rc\n', '|')))
print(textwrap.indent(textwrap.dedent(block).strip(), '    '))
