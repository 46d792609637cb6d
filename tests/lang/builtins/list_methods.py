# append, pop, insert, index, extend and reverse.
l = []
l.append(1)
l.append('two')
l.append([3])
print(l, len(l))
print(l.pop(), l)
print(l.pop(0), l)
l = [10, 20, 30, 40, 50]
print(l.pop(-2), l)
print(l.pop(1), l)
l.insert(0, 'start')
l.insert(len(l), 'end')
l.insert(2, 'mid')
print(l)
l.insert(-1, 'before end')
l.insert(100, 'far')
l.insert(-100, 'very start')
print(l)
m = ['a', 'b', 'c', 'b']
print(m.index('a'), m.index('b'), m.index('c'))
n = [1, 2]
n.extend([3, 4])
n.extend((5,))
n.extend('ab')
n.extend([])
print(n)
n.extend(n)
print(n, len(n))
r = [1, 2, 3, 4]
r.reverse()
print(r)
r.reverse()
print(r)
e = []
e.reverse()
print(e)
print(r.append(5), r.reverse(), r.insert(0, 0), r.extend([]))
print(r)
stack = []
for i in range(4):
    stack.append(i * i)
while stack:
    print('popped', stack.pop())
q = [1, 2, 3]
while q:
    print('dequeued', q.pop(0))
