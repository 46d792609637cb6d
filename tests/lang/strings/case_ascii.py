# upper/lower/swapcase/title/capitalize/casefold on ASCII text
words = ['hello world', 'HELLO WORLD', 'hElLo WoRlD', '', '123 abc', "they're bill's", 'a1b2c3', 'x_y-z', '  lead']
for w in words:
    print(repr(w), w.upper(), w.lower(), w.swapcase(), w.title(), w.capitalize(), w.casefold())
print('abc'.upper() == 'ABC', 'ABC'.lower() == 'abc')
