# dumps then loads gives back equal data, for many shapes and options; and
# loads then dumps reproduces a document written with dumps' options.
import json

samples = [
    None, True, 0, -1, 2 ** 70, 3.25, -1e-300, 1e308, '', 'text', 'quote " backslash \\',
    '\x00\x1f\x7f\xe9\u2028\uffff\U0001F600\U0010FFFF', [], {}, [1, [2, [3, [4]]]],
    {'a': {'b': {'c': [None, {'d': 'e'}]}}}, [0.1, 0.2, 0.30000000000000004],
    {'list': list(range(10)), 'nested': [{'i': i, 's': str(i) * i} for i in range(4)]},
]
for value in samples:
    for opts in [{}, {'indent': 2}, {'ensure_ascii': False}, {'separators': (',', ':')},
                 {'sort_keys': True, 'indent': '\t'}]:
        text = json.dumps(value, **opts)
        back = json.loads(text)
        if back != value or type(back) is not type(value):
            print('mismatch', repr(value), opts, text)
    print(json.dumps(value)[:60])

# Tuples come back as lists, non-str keys as strings.
print(json.loads(json.dumps({'t': (1, 2), 1: 'one', 2.5: 'x', None: 0, False: 1})))
nan_back = json.loads(json.dumps([float('nan'), float('inf'), float('-inf')]))
print(nan_back[0] != nan_back[0], nan_back[1:])

# Text written with separators and indent survives a decode/encode cycle.
doc = '{\n    "b": [\n        1,\n        2.5,\n        "x"\n    ],\n    "a": {}\n}'
print(json.dumps(json.loads(doc), indent=4) == doc)
compact = '{"k":[1,2,{"z":null}],"e":"\\u00e9\\ud83d\\ude00"}'
print(json.dumps(json.loads(compact), separators=(',', ':')) == compact)

# A larger document, built and parsed back.
big = [{'id': i, 'name': 'item%d' % i, 'price': i * 1.25, 'tags': ['t%d' % (i % 3)] * (i % 4),
        'ok': i % 2 == 0, 'note': None if i % 5 else 'caf\xe9 "%d"' % i} for i in range(500)]
text = json.dumps(big)
print(len(text), json.loads(text) == big)
pretty = json.dumps(big, indent=2, sort_keys=True)
print(len(pretty), json.loads(pretty) == big, pretty.count('\n'))

# object_pairs_hook keeps key order and duplicates.
pairs = json.loads('{"z": 1, "a": 2, "z": 3}', object_pairs_hook=list)
print(pairs, json.dumps(dict(pairs)))

# Long documents with non-ASCII text, written with ensure_ascii=False.
uni = [{'name': 'J\xf6rg %d' % i, 'city': 'K\xf8benhavn?', 'emoji': '\U0001F600' * (i % 3),
        'esc': 'tab\there "\xe9" \\ \u2603\x7f'} for i in range(300)]
text = json.dumps(uni, ensure_ascii=False)
print(len(text), json.loads(text) == uni, json.loads(text.encode('utf-8')) == uni)
print(json.dumps(json.loads(text), ensure_ascii=False) == text)
print(json.loads(json.dumps(uni)) == uni, json.dumps(uni).isascii())
