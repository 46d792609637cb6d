# UserDict, UserList, UserString: wrappers around .data with overridable hooks.
from collections import UserDict, UserList, UserString


class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


d = LowerDict({'A': 1}, B=2)
d['C'] = 3
d.update([('D', 4)])
print(d, len(d), 'a' in d, d['b'], d.get('z', 0), sorted(d.keys()), d.data)
print(d.pop('a'), d.setdefault('e', 5), list(d.items()), d == {'b': 2, 'c': 3, 'd': 4, 'e': 5})
e = d.copy()
e['x'] = 9
print(type(e).__name__, 'x' in d, len(e))


class Stack(UserList):
    def push(self, x):
        self.append(x)


s = Stack([3, 1, 2])
s.push(0)
s.sort()
print(s, s[0], s[-2:], type(s[1:]).__name__, len(s), s + [9], [8] + s, s * 2)
s.extend(Stack([7]))
print(s.pop(), s.index(2), s.count(1), 2 in s, s == [0, 1, 2, 3], s < [5])
s.reverse()
del s[0]
print(s.data, list(reversed(s)))


class Shout(UserString):
    def shout(self):
        return self.data.upper() + '!'


u = Shout('hello')
print(u, repr(u), len(u), u[1:3], u + ' there', u.shout(), u == 'hello', 'ell' in u)
print(u.upper(), type(u.upper()).__name__, u.split('l'), u * 2)
