# while loops with counters, conditions and early exit.
i = 0
while i < 5:
    print('i =', i)
    i += 1
print('final', i)
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print('collatz steps', steps)
count = 10
while count:
    count -= 3
    if count < 0:
        break
print('count', count)
total = 0
k = 0
while True:
    k += 1
    if k % 3 == 0:
        continue
    if k > 10:
        break
    total += k
print('total', total)
while 0:
    print('never')
stack = [1, 2, 3]
while stack:
    print('pop', stack.pop())
print(stack)
a = 0
b = 1
while b < 100:
    a, b = b, a + b
print(a, b)
