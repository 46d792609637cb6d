# repr/str round trips with quotes, escapes and non-printable characters
for s in ['', "'", '"', '\'"', 'a\\b', '\n\r\t', '\x00\x7f\x80\x9f', 'é', '\u200b', '\U0001f600', '\u2028',
          '\ud7ff', '\ufeff', '\xa0', '\U000e0001']:
    print(repr(s), ascii(s), len(repr(s)))
print(str('x') is not None, str(1.0), str(-0.0), str(1e16), str(12345678901234567890))
