# shorten collapses whitespace and truncates with a placeholder.
import textwrap

text = 'Hello  world!\n  This   is   a  fairly long    sentence.'
for width in (12, 11, 20, 30, 60):
    print(width, repr(textwrap.shorten(text, width)))
print(repr(textwrap.shorten('Hello  world!', width=12)))
print(repr(textwrap.shorten('Hello  world!', width=11)))
print(repr(textwrap.shorten(text, 25, placeholder='...')))
print(repr(textwrap.shorten(text, 25, placeholder=' (cont.)')))
print(repr(textwrap.shorten('supercalifragilisticexpialidocious', 15)))
print(repr(textwrap.shorten('a bc', 3, placeholder='~')), repr(textwrap.shorten('   ', 10)))
print(repr(textwrap.shorten('well-known state-of-the-art tools', 20)))
print(repr(textwrap.shorten('well-known state-of-the-art tools', 20, break_on_hyphens=False)))
try:
    textwrap.shorten(text, 4)
except ValueError as e:
    print('ValueError:', e)
