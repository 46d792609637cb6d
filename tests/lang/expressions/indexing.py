# Positive and negative indexing of lists, tuples, strings and dicts.
l = [10, 20, 30, 40, 50]
print(l[0], l[1], l[4], l[-1], l[-2], l[-5])
t = ('a', 'b', 'c')
print(t[0], t[2], t[-1], t[-3])
s = 'python'
print(s[0], s[5], s[-1], s[-6], s[2] + s[3])
print(type(s[0]), len(s[0]))
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1], m[1][2], m[-1][-1], m[0][-3])
d = {'x': 1, 'y': [5, 6], 3: 'three', (1, 2): 'pair'}
print(d['x'], d['y'][1], d[3], d[(1, 2)], d[1, 2])
i = 2
print(l[i], l[i + 1], l[-i], l[i * 2])
print(l[len(l) - 1], s[len(s) - 1])
print([1, 2, 3][1], (4, 5, 6)[-1], 'abc'[1], {'k': 'v'}['k'])
nested = [1, [2, [3, [4, 'deep']]]]
print(nested[1][1][1][1], nested[1][1][1][1][0])
e = 'héllo'
print(e[1], len(e))
w = ['one', 'two']
print(w[1][0], w[-1][-1])
