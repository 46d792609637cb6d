# Augmented assignment with every operator, on names, list items and dict values.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 7; print(x)
x **= 3; print(x)
x /= 2; print(x)
n = 6
n <<= 3; print(n)
n >>= 1; print(n)
n &= 0b1010; print(n)
n |= 0b0101; print(n)
n ^= 0b1111; print(n)
l = [1, 2, 3]
l[0] += 10
l[-1] *= 5
l[1] -= 2
print(l)
d = {'a': 1, 'b': 'x'}
d['a'] += 1
d['b'] *= 3
d['b'] += '!'
print(d)
s = 'ab'
s += 'cd'
s *= 2
print(s)
t = (1,)
t += (2, 3)
print(t)
m = [[0, 0], [0, 0]]
m[1][0] += 7
print(m)
f = 1.5
f += 1
f *= 2
f -= 0.5
print(f)
i = 0
for _ in range(5):
    i += _
print(i)
neg = -7
neg //= 2; print(neg)
neg %= 3; print(neg)
