# printf-style formatting of bytes and bytearray (b'...' % args)
class Bytesy:
    def __bytes__(self):
        return b'<bytesy>'

class Reprish:
    def __repr__(self):
        return 'R\u00e9pr'

print(b'%d %s %r %x %c %5.2f %%' % (42, b'bytes', 'str', 255, 65, 3.14159))
print(b'%s|%b|%s|%b' % (b'a', bytearray(b'b'), Bytesy(), Bytesy()))
print(b'%a %r %a' % ('caf\u00e9', Reprish(), [1, 'x']))
print(b'%(name)s is %(age)d; %(name)b again' % {b'name': b'Ann', b'age': 7})
print(b'%(a(b)c)s' % {b'a(b)c': b'nested key'})
print(b'%s' % b'single', b'%d' % 5, b'no args' % (), b'%%' % ())
print(b'%+d % d %05d %-5d| %#x %#o %X %#X %i %u' % (5, 5, -42, 3, 255, 8, 255, 255, 7, 8))
print(b'%e %E %g %G %.3f %10.2f %-10.2f|' % (1234.5, 0.0001, 1e20, 1e-5, 2 / 3, 3.14159, 2.5))
print(b'%+.1f %F %#g %f %f' % (1.25, float('inf'), 1.0, float('-inf'), 7))
print(b'%.*f|%*d|%-*d|%*s|' % (2, 3.14159, 5, 42, -4, 7, 4, b'ab'))
print(b'%05s|%-5b|%5s|%.2s|%5.1b|' % (b'ab', b'cd', b'ef', b'ghij', b'kl'))
print(b'%5c|%-3c|%c%c' % (65, 66, b'C', bytearray(b'D')))
print(b'%5.3r|%-8a|' % ('hello', 'x'))
print(b'%ld %hd %Ld' % (1, 2, 3), b'%d %s' % (True, b'x'), b'%x' % True)
print(b'%d %i %o' % (3.99, -2.5, 10), b'%010.3f|%-+8d|' % (-3.14159, 12))
print(b'%#5x|%#-7o|%#07x|%+#x' % (10, 8, 255, 255))
print(b'%s' % {b'k': 1}.get(b'k', b'?').__class__.__name__.encode())
print(b'x' % {}, b'x' % [1], b'%s' % [b'a'][0])
r = bytearray(b'%d-%s') % (1, b'x')
print(r, type(r).__name__)
print(bytearray(b'%(k)s') % {b'k': bytearray(b'v')})
print(b'\xff%s\x00' % b'\x80')
big = 2 ** 70
print(b'%d %x %X %o' % (big, big, -big, big))
print(b'%s %s' % (b'', bytearray()))
print(b'%.0f %.0f %.1e %g %g' % (0.5, 1.5, 12345.678, 0.00001234, 123456789.0))
print(b'%r' % b'bytes repr', b'%a' % bytearray(b'\x01'))
