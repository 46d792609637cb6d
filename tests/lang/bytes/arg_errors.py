# argument-count and keyword errors of every bytes/bytearray method
names = sorted(n for n in dir(bytes) if not n.startswith('_')) + ['__getitem__', '__contains__']
extra = ['append', 'clear', 'copy', 'extend', 'insert', 'pop', 'remove', 'reverse']
for T in (bytes, bytearray):
    obj = T(b'ab')
    for name in names + (extra if T is bytearray else []):
        m = getattr(obj, name)
        out = []
        for args, kw in (((), {}), ((b'a',) * 4, {}), ((), {'bogus': 1})):
            try:
                m(*args, **kw)
                out.append('ok')
            except Exception as e:
                out.append(f'{type(e).__name__}: {e}')
        print(T.__name__, name, '|', ' | '.join(out))
