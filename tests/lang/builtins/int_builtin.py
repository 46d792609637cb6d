# int() from strings (signs, whitespace, underscores, bases), floats and ints.
print(int('0'), int('42'), int('-17'), int('+8'))
print(int('  12  '), int('\t-3\n'), int(' +0 '))
print(int('1_000_000'), int('-1_2'))
print(int('007'), int('000'))
print(int('9223372036854775807'), int('-9223372036854775807'))
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(-0.0))
print(int(1e15), int(123456.789), int(2.0 ** 62))
print(int(7), int(-7), int(0))
print(int('ff', 16), int('FF', 16), int('-ff', 16), int(' +a ', 16))
print(int('777', 8), int('101', 2), int('1_0', 2), int('7fffffffffffffff', 16))
print(int('10', 10), int('11', 3), type(int('5')), type(int(5.5)))
print(int('12') + int('30'), int(str(99)) + 1)
total = 0
for piece in '10 20 -5 +7'.split():
    total += int(piece)
print(total)
print(int(' 1_0 ', 10))
print(int('  7f  ', 16))
