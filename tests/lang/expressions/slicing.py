# Slices with start, stop and step on lists, tuples and strings.
l = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(l[2:5], l[:3], l[7:], l[:], l[-3:], l[:-3])
print(l[1:8:2], l[::3], l[::-1], l[8:2:-2], l[-1:-4:-1])
print(l[5:2], l[100:], l[:100], l[-100:2], l[3:3])
print(l[::-3], l[2::-1], l[:2:-1], l[10:0:-4])
s = 'hello world'
print(s[:5], s[6:], s[::-1], s[::2], s[-5:], s[3:8])
print(repr(s[5:5]), repr(s[20:]), s[-100:100])
t = (1, 2, 3, 4, 5)
print(t[1:3], t[::-1], t[:1], t[4:], t[::2], t[3:1])
print(type(t[1:3]), type(l[1:3]), type(s[1:3]))
c = l[:]
c[0] = 99
print(l[0], c[0])
i = 2
j = 6
print(l[i:j], l[i:j:i], l[-j:-i])
print('abcdef'[1:-1], [1, 2, 3][::-1], (1,)[:])
word = 'racecar'
print(word == word[::-1], 'python' == 'python'[::-1])
print(l[1:9][2:5][::-1])
print(s[-1:-12:-1])
print(l[0:10:100], l[9:-11:-5])
