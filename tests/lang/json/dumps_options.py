# json.dumps options: indent, separators, sort_keys, skipkeys,
# ensure_ascii=False, allow_nan=False, default=, cls= and check_circular.
import json
import io

data = {'name': 'kaa', 'tags': ['a', 'b'], 'nested': {'z': 1, 'y': []}, 'empty': {}}
print(json.dumps(data, indent=2))
print(json.dumps(data, indent='\t', sort_keys=True))
print(json.dumps([1, [2, [3]]], indent=0))
print(json.dumps([1, {'a': 2}], indent=-1))
print(json.dumps(data, separators=(',', ':')))
print(json.dumps(data, indent=1, separators=(';', '=')))
print(json.dumps({'b': 1, 'a': 2, 'c': {'y': 1, 'x': 2}}, sort_keys=True))
print(json.dumps({3: 'c', 1: 'a', 2: 'b'}, sort_keys=True))
print(json.dumps({'a': 1, (1, 2): 2, 'b': 3, frozenset(): 4}, skipkeys=True))
print(json.dumps({(1, 2): 2}, skipkeys=True), json.dumps({(1,): 0, 'k': 1}, skipkeys=True, indent=2))
print(json.dumps('caf\xe9 \U0001F600 "\x01"', ensure_ascii=False))
print(json.dumps({'\xe9': ['\u2028', '\x7f']}, ensure_ascii=False))
print(json.dumps([1.5, 2], allow_nan=False))
for bad in [float('nan'), [float('inf')], {'k': float('-inf')}]:
    for indent in [None, 2]:
        try:
            json.dumps(bad, allow_nan=False, indent=indent)
        except ValueError as e:
            print('ValueError:', e)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def to_json(o):
    if isinstance(o, Point):
        return {'x': o.x, 'y': o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError('cannot encode ' + type(o).__name__)


print(json.dumps([Point(1, 2), {3, 1, 2}], default=to_json))
print(json.dumps({'p': Point(0, Point(5, 6))}, default=to_json, indent=1))


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)


print(json.dumps({'pts': [Point(1, 2), Point(3, 4)]}, cls=PointEncoder))
print(PointEncoder(indent=2, sort_keys=True).encode({'b': Point(0, 0), 'a': None}))
try:
    json.dumps([Point(1, 2), object()], cls=PointEncoder)
except TypeError as e:
    print('TypeError:', e)

# Cycles: detected by default, through lists, dicts and default().
loop = [1]
loop.append(loop)
d = {}
d['self'] = d
for obj in [loop, d, Point(1, 2)]:
    try:
        json.dumps(obj, default=lambda o: o)
    except ValueError as e:
        print('ValueError:', e)
shared = [1, 2]
print(json.dumps([shared, shared, {'s': shared}]), json.dumps([shared], check_circular=False))

# dump writes chunks to any object with a write() method.
out = io.StringIO()
json.dump({'a': [1, 2, {'b': None}], 'c': 'x'}, out, indent=2, sort_keys=True)
print(out.getvalue())


class Recorder:
    def __init__(self):
        self.chunks = []

    def write(self, s):
        self.chunks.append(s)


r = Recorder()
json.dump({'a': [1, 'two', {'b': None}], 'c': (3.5,)}, r)
print(r.chunks)
print(list(json.JSONEncoder(indent=2).iterencode({'k': [1, [2]], 'e': []})))
print(list(json.JSONEncoder().iterencode('s')), list(json.JSONEncoder().iterencode(5)))
