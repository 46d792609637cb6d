# Semicolons separate simple statements on one line.
a = 1; b = 2; c = 3
print(a, b, c)
print('x'); print('y')
x = 0; x += 5; x *= 2; print(x)
a, b = b, a; print(a, b)
if a: print('a is true'); print('still in if')
for i in [1, 2, 3]: print(i); print(i * 10)
n = 0
while n < 3: n += 1; print('n', n)
print('done');
def f(v): w = v * 2; return w + 1
print(f(4))
l = [1, 2]; l.append(3); del l[0]; print(l)
pass; pass; print('after pass')
