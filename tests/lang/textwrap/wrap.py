# wrap/fill and TextWrapper options.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Look, goof-ball -- use "
        "the -b option! A well-known, state-of-the-art, self-explanatory "
        "example\twith\ttabs and\nnewlines.")
for width in (10, 25, 40):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap('a supercalifragilisticexpialidocious word', 10))
print(textwrap.wrap('a supercalifragilisticexpialidocious word', 10, break_long_words=False))
print(textwrap.wrap('spam-and-eggs-with-ham forever', 8))
print(textwrap.wrap('  leading and   trailing  ', 8))
print(textwrap.wrap('  leading and   trailing  ', 8, drop_whitespace=False))
print(textwrap.wrap('tab\there', 20, expand_tabs=False))
print(textwrap.wrap('tab\there\nnext', 20, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap('a\tb', 20, tabsize=4), textwrap.wrap('', 10), textwrap.wrap('   ', 10))

# Sentence endings get two spaces when asked.
w = textwrap.TextWrapper(width=60, fix_sentence_endings=True)
print(w.fill('This is one. And "two." Then three! No fix for Mr. X or 1.5 here'))

# max_lines and placeholder.
for lines in (1, 2, 3):
    print(textwrap.wrap(text, 30, max_lines=lines))
print(textwrap.wrap(text, 30, max_lines=2, placeholder='...'))
print(textwrap.fill('one two three four five', 12, max_lines=2, placeholder=' (more)'))

# The wrapper keeps its settings as attributes.
w = textwrap.TextWrapper(width=12, subsequent_indent='> ')
print(w.width, repr(w.placeholder), w.max_lines, w.break_on_hyphens)
print(w.wrap('an object reused for several paragraphs of text'))
w.width = 20
print(w.fill('an object reused for several paragraphs of text'))

for bad in (dict(width=0), dict(width=5, max_lines=1, placeholder=' [......]')):
    try:
        textwrap.wrap('some text here', **bad)
    except ValueError as e:
        print('ValueError:', e)
