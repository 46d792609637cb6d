e = UnicodeDecodeError('utf-8', b'ab\x80c', 2, 3, 'invalid start byte')
print(e, e.args, e.encoding, e.object, e.start, e.end, e.reason)
e = UnicodeEncodeError('ascii', 'aé', 1, 2, 'ordinal not in range(128)')
print(e, e.start, e.object)
e = UnicodeDecodeError('utf-8', b'ab\x80\x81c', 2, 4, 'invalid')
print(e)
print(UnicodeEncodeError('latin-1', 'x\u20ac\U0001F600', 1, 2, 'r'), UnicodeEncodeError('latin-1', 'x\U0001F600', 1, 2, 'r'))
print(UnicodeTranslateError('abc', 0, 2, 'nope'))
for data, enc in [(b'ab\x80c', 'utf-8'), (b'\xff\xfe', 'ascii'), (b'a\xe2\x82', 'utf-8')]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(e, e.args, e.start, e.end)
for text, enc in [('a€b', 'latin-1'), ('héllo wörld', 'ascii')]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print(e, e.args, e.start, e.end, e.object)
try:
    UnicodeDecodeError('x')
except TypeError as e:
    print(e)
u = UnicodeDecodeError('utf-8', b'xy', 0, 1, 'r')
u.start = 1
print(u.start, u)
