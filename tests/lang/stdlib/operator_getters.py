# itemgetter, attrgetter (dotted, several), methodcaller, with their reprs.
from operator import itemgetter, attrgetter, methodcaller


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def greet(self, greeting, punct='!'):
        return greeting + ' ' + self.name + punct


tree = Node('root', Node('leaf'))
print(itemgetter(1)('abc'), itemgetter(1, 0)('abc'), itemgetter('k')({'k': 5}), itemgetter(slice(2))('abcd'))
print(attrgetter('name')(tree), attrgetter('child.name')(tree), attrgetter('name', 'child.name')(tree))
print(methodcaller('greet', 'hi')(tree), methodcaller('greet', 'yo', punct='?')(tree.child))
print(methodcaller('upper')('abc'), methodcaller('split', ',')('a,b'))
print(itemgetter(1), itemgetter(1, 'a'), attrgetter('a.b'), attrgetter('a', 'b'))
print(methodcaller('f'), methodcaller('f', 1, 'x', k=2))
rows = [('bob', 25), ('alice', 30), ('carol', 25)]
print(sorted(rows, key=itemgetter(1, 0)), max(rows, key=itemgetter(1)))
print(list(map(itemgetter(0), rows)))
people = [Node('zed'), Node('amy')]
print([p.name for p in sorted(people, key=attrgetter('name'))])
for make in [lambda: itemgetter(), lambda: attrgetter(), lambda: attrgetter(1),
             lambda: methodcaller(), lambda: methodcaller(1),
             lambda: itemgetter(5)([1]), lambda: attrgetter('missing')(tree)]:
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
