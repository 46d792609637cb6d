# json.loads: values, whitespace, numbers, strings and escapes, the hooks,
# strict=False, bytes input in UTF-8/16/32, load() and JSONDecoder methods.
import json
import io

print(json.loads('null'), json.loads('true'), json.loads('false'))
print(json.loads('0'), json.loads('-0'), json.loads('42'), json.loads('-17'), json.loads('123456789012345678901234567890'))
print(json.loads('1.5'), json.loads('-0.0'), json.loads('1e3'), json.loads('1E-2'), json.loads('2.5e+2'), json.loads('1e400'))
print(json.loads('NaN'), json.loads('Infinity'), json.loads('-Infinity'))
print(json.loads(' \t\n\r[1 , 2\n,3 ] \n'), json.loads('{ "a" : 1 , "b":[ ] }'))
print(json.loads('[[], {}, [[{}]], {"a": {"b": {"c": []}}}]'))
print(json.loads('{"a": 1, "a": 2, "b": 3}'))
print(json.loads('"plain"'), json.loads('""'), repr(json.loads('"\\"\\\\\\/\\b\\f\\n\\r\\t"')))
print(json.loads('"\\u0041\\u00e9\\u20AC"'), ascii(json.loads('"\\ud83d\\ude00"')))
print(ascii(json.loads('"\\ud83d"')), ascii(json.loads('"\\ude00\\ud83d"')), ascii(json.loads('"\\ud83d\\u0041"')))
print(ascii(json.loads('"x\\ud83d\\ude00y\\n"')), json.loads('"caf\xe9 \u2028"') == 'caf\xe9 \u2028')
print(type(json.loads('1')).__name__, type(json.loads('1.0')).__name__, type(json.loads('1e1')).__name__)

# Hooks.
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=lambda p: p))
print(json.loads('{}', object_pairs_hook=tuple), json.loads('{}', object_hook=len))
print(json.loads('{"a": 1}', object_hook=lambda d: 'hook', object_pairs_hook=lambda p: 'pairs'))
print(json.loads('[1.5, 2, 1e2]', parse_float=lambda s: 'F' + s))
print(json.loads('[1.5, -2, 10]', parse_int=lambda s: 'I' + s))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: s.lower()))
print(json.loads('[0.1, 12]', parse_float=str, parse_int=float))

# strict=False lets control characters into strings.
print(repr(json.loads('"a\tb\nc\x00"', strict=False)))
print(repr(json.JSONDecoder(strict=False).decode('{"k\x01": "\x1f"}')))

# Bytes and bytearray: the encoding is detected.
print(json.loads(b'{"x": "caf\xc3\xa9"}'), json.loads(bytearray(b'[1, 2]')))
print(json.loads(b'\xef\xbb\xbf[1]'), json.loads(b'7'), json.loads(b'"\xf0\x9f\x98\x80"') == '\U0001F600')
print(json.loads(b'\xff\xfe[\x00"\x00=\xd8\x00\xde"\x00]\x00') == ['\U0001F600'])
print(json.loads(b'\xfe\xff\x00[\x001\x00]'), json.loads(b'\x00[\x002\x00]'), json.loads(b'[\x003\x00]\x00'))
print(json.loads(b'\x004'), json.loads(b'5\x00'))
print(json.loads(b'\xff\xfe\x00\x00[\x00\x00\x00]\x00\x00\x00'), json.loads(b'\x00\x00\x00[\x00\x00\x00]'))
print(json.loads(b'[\x00\x00\x00"\x00\x00\x00\x00\xf6\x01\x00"\x00\x00\x00]\x00\x00\x00') == ['\U0001F600'])
# Encoded surrogates pass through (CPython decodes with 'surrogatepass').
print(ascii(json.loads(b'["\xed\xa0\xbd", "\xed\xb8\x80x", "\xed\x9f\xbf"]')))

print(json.load(io.StringIO('{"from": "file"}')))
dec = json.JSONDecoder()
print(dec.decode(' [1, 2] '), dec.raw_decode('{"a": 1} trailing'), dec.raw_decode('xx[2]', 2))
doc = '1 "two" [3] {"four": 4}'
pos = 0
while pos < len(doc):
    value, pos = dec.raw_decode(doc, pos)
    print(repr(value), pos)
    while doc[pos:pos + 1] == ' ':
        pos += 1
print(json.decoder.scanstring('"abc" tail', 1), json.decoder.scanstring('x"\\n"', 2))
