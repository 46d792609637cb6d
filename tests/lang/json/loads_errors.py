# json.loads errors: JSONDecodeError (a ValueError) with CPython's messages
# and positions, its msg/doc/pos/lineno/colno, and the TypeError for bad input.
import json

docs = ['', '   ', 'nul', 'tru', 'falsy', '[1, ]', '[1,]', '[,]', '[', '[1', '[1 2]', '[1,2',
        '{', '{"a"', '{"a" 1}', '{"a":', '{"a": 1', '{"a": 1 "b": 2}', '{"a":1,}',
        '{1: 2}', "{'a': 1}", '{,}', ']', '}', '1 2', '[] x', '01', '1.', '1e', '1e+',
        '-', '-a', '.5', '+1', '-Infinit', 'nan', '"abc', '"a\\', '"\\x"', '"\\u12"',
        '"\\uzzzz"', '"\\u004"', '"\\u0041', '"\\ud800\\uzzzz"', '"\\ud83d\\ude0"',
        '"\x01"', '"ok\x1f"', '["a", "b\nc"]', '{"a": "\\q"}', '[1]\n\n x',
        '{\n  "a": [\n    1,\n    ]\n}', '\ufeff[1]', '[[[[]]]', '{"a": {"b": [}}']
for doc in docs:
    try:
        json.loads(doc)
        print(repr(doc), 'decoded?!')
    except json.JSONDecodeError as e:
        print(repr(doc), '->', e)
        print('   ', repr(e.msg), e.pos, e.lineno, e.colno, e.doc == doc)

e = None
try:
    json.loads('{\n"key": nope}')
except ValueError as err:
    e = err
print(type(e).__name__, isinstance(e, ValueError), e.args)
print(json.JSONDecodeError.__module__, json.JSONDecodeError.__mro__[1].__name__)
custom = json.JSONDecodeError('Custom', 'ab\ncd\nef', 7)
print(custom, custom.lineno, custom.colno, custom.args)
try:
    json.loads(b'[1, 2')
except ValueError as err:
    print(err)
try:
    json.JSONDecoder().raw_decode(' 1')
except json.JSONDecodeError as err:
    print(err)
for bad in [None, 12, ['[]']]:
    try:
        json.loads(bad)
    except TypeError as err:
        print('TypeError:', err)
try:
    json.loads('[1, 2, x]', parse_int=lambda s: int(s) * 10)
except ValueError as err:
    print(err)

# Errors in long documents that are not all ASCII.
items = ', '.join('"\xe9l\xe8ve %d \U0001F600"' % i for i in range(60))
for doc in ['[' + items + ', "\xe9\x01"]', '[' + items + ', \xe9]', '[' + items + ', "\\\xe9"]',
            '{"k\xe9": [' + items + '] "x": 1}', '[' + items + '\n, "unterminated \xe9]',
            '[' + items + ', "\\u00\xe9"]', '[' + items + '] \u2603']:
    try:
        json.loads(doc)
    except json.JSONDecodeError as err:
        print(err, '|', err.doc is doc, len(doc))
