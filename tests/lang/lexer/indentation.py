# Blocks may use any consistent indentation width.
def f(x):
  if x > 0:
        print('positive')
        if x > 10:
         print('big')
  else:
    print('not positive')
  return x

f(5)
f(50)
f(-1)

for i in [1, 2]:
    for j in [1, 2]:
            print(i, j)
    print('end inner', i)
print('end outer')

n = 3
while n:
	n -= 1
	if n == 1:
		print('tab indented one')
print('n', n)

if True:
    if True:
        if True:
            print('deep')
print('dedent several levels at once')
