# find/rfind/index/rindex with start and end, negative and huge bounds
s = 'abcabcabc'
for sub in ['a', 'bc', 'cab', 'x', '', 'abcabcabc', 'abcabcabca']:
    print(repr(sub), s.find(sub), s.rfind(sub), s.find(sub, 2), s.rfind(sub, 2), s.find(sub, 1, 5),
          s.rfind(sub, 1, 5), s.find(sub, -4), s.rfind(sub, -4, -1), s.find(sub, 20), s.rfind(sub, 9))
print(s.index('c'), s.rindex('c'), s.index('c', 3), s.rindex('c', 0, 8))
print(s.find('a', None, None), s.find('c', 10**30), s.find('a', -10**30), s.rfind('', 4, 2))
u = 'éaüaé'
print(u.find('a'), u.rfind('a'), u.find('é', 1), u.rindex('é', 0, 3), u.index('ü'))
print(''.find(''), ''.find('', 1), 'abc'.find('', 3), 'abc'.find('', 4), 'abc'.rfind(''))
print('abc'.index('c', -1))
