# OrderedDict: order operations, popitem, order-sensitive equality, repr.
from collections import OrderedDict

od = OrderedDict()
od['b'] = 2
od['a'] = 1
od['c'] = 3
print(od, list(od), list(od.keys()))
od.move_to_end('b')
print(list(od.items()))
od.move_to_end('b', last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
print(repr(OrderedDict()), OrderedDict([('x', 1), ('y', 2)]))
print(od.keys(), od.values(), od.items())

x = OrderedDict(a=1, b=2)
y = OrderedDict(b=2, a=1)
print(x == y, x == dict(y), dict(x) == y, x != y)
print(list(reversed(x)), OrderedDict.fromkeys('abc', 0))

try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    x.move_to_end('zz')
except KeyError as e:
    print('KeyError', e)

# A tiny LRU cache on top of OrderedDict.
class LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size

    def get_item(self, key):
        value = self[key]
        self.move_to_end(key)
        return value

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


cache = LRU(2)
cache.put('a', 1)
cache.put('b', 2)
cache.get_item('a')
cache.put('c', 3)
print(list(cache.items()), cache.setdefault('d', 4), list(cache))
