# FizzBuzz from 1 to 30, then counts of each kind.
fizz = 0
buzz = 0
both = 0
for i in range(1, 31):
    if i % 15 == 0:
        print('FizzBuzz')
        both += 1
    elif i % 3 == 0:
        print('Fizz')
        fizz += 1
    elif i % 5 == 0:
        print('Buzz')
        buzz += 1
    else:
        print(i)
print(fizz, buzz, both)
out = []
n = 1
while n <= 15:
    s = ''
    if n % 3 == 0:
        s += 'Fizz'
    if n % 5 == 0:
        s += 'Buzz'
    out.append(s or str(n))
    n += 1
print(' '.join(out))
