# error messages of bytes % args (caught, one per line)
def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '=', r)

class BadBytes:
    def __bytes__(self):
        return 'not bytes'

attempt('str arg', lambda: b'%s' % 'text')
attempt('b int', lambda: b'%b' % 5)
attempt('bad __bytes__', lambda: b'%s' % BadBytes())
attempt('not all', lambda: b'%s' % (b'a', b'b'))
attempt('not all bytes', lambda: b'x' % b'a')
attempt('not all str', lambda: bytearray(b'x') % 'a')
attempt('not enough', lambda: b'%s %s' % (b'a',))
attempt('none left', lambda: b'%5%' % ())
attempt('pct with width', lambda: b'%5%' % (1,))
attempt('float str', lambda: b'%f' % 'x')
attempt('float big int', lambda: b'%f' % 10 ** 400)
attempt('d str', lambda: b'%d' % 'x')
attempt('x float', lambda: b'%x' % 1.5)
attempt('o str', lambda: b'%o' % b'1')
attempt('c 256', lambda: b'%c' % 256)
attempt('c neg', lambda: b'%c' % -1)
attempt('c huge', lambda: b'%c' % 2 ** 70)
attempt('c str', lambda: b'%c' % 'a')
attempt('c long bytes', lambda: b'%c' % b'ab')
attempt('c float', lambda: b'%c' % 1.0)
attempt('unsupported', lambda: b'ab%y' % 1)
attempt('unsupported ctl', lambda: b'ab%\x01' % 1)
attempt('unsupported high', lambda: b'ab%\xff' % 1)
attempt('str key', lambda: b'%(a)s' % {'a': b'x'})
attempt('incomplete', lambda: b'abc%' % ())
attempt('incomplete width', lambda: b'abc%5' % ())
attempt('incomplete prec', lambda: b'%.3' % (1,))
attempt('incomplete key', lambda: b'%(abc' % {})
attempt('needs mapping', lambda: b'%(abc)s' % (1,))
attempt('key then positional', lambda: b'%(a)s %s' % {b'a': b'x'})
attempt('star float', lambda: b'%*d' % (2.0, 1))
attempt('star prec str', lambda: b'%.*f' % ('2', 1.0))
attempt('width too big', lambda: b'%99999999999999999999d' % 1)
attempt('prec too big', lambda: b'%.99999999999999999999d' % 1)
attempt('int % bytes', lambda: 5 % b'x')
attempt('bytes % tuple ok', lambda: b'' % ())
