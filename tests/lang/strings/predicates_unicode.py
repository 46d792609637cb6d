# is* predicates beyond ASCII: digits, numerics, letters, spaces, printables, identifiers
tests = ['é', 'ß', '١٢٣', '²', '½', '一二', 'Ⅻ', '\u0301', 'a\u0301', 'λx', '\xa0', '\u2028', '\u3000',
         '\u200b', '\xad', '\u0378', '\ue000', 'Ǆ', 'ǅ', 'ǆ', 'Ⓐ', 'ª', '℃', '\U0001f600', '𝟘', '①',
         '০', 'Ω', 'ﬁ', '·', 'x·y', '\U000e0001', 'Ⅻa']
names = ['isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower',
         'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper']
for t in tests:
    row = ''
    for n in names:
        row += '1' if getattr(t, n)() else '0'
    print(ascii(t).ljust(16), row)
