# count with overlapping text, empty needles and ranges
s = 'aaaa'
print(s.count('a'), s.count('aa'), s.count('aaa'), s.count(''), s.count('', 1), s.count('', 5))
print(s.count('a', 1), s.count('a', 1, 3), s.count('a', -2), s.count('a', 3, 1), s.count('b'))
print('éé'.count(''), 'éaé'.count('é'), 'abc'.count('', 1, 2), 'abc'.count('', 10))
print('mississippi'.count('ss'), 'mississippi'.count('i', 5), 'mississippi'.count('issi'))
