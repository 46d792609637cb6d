import time
s = ('é' + 'a' * 9) * 100000
t = time.perf_counter()
n = 0
for i in range(0, len(s), 7):
    if s[i] == 'é':
        n += 1
j = 0
found = 0
while True:
    j = s.find('é', j)
    if j < 0:
        break
    found += 1
    j += 1
print(n, found, s[-1], s[-10], s[500000:500003], s[::-1][:3])
