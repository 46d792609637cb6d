# a bytearray resized by an argument's __index__ or __bytes__ while an operation runs
# (only the cases where CPython's result does not depend on stale memory)
ba = bytearray(b'0123456789' * 4)

class Shrink:
    def __init__(self, value):
        self.value = value
    def __index__(self):
        del ba[2:]
        return self.value

def reset():
    ba[:] = b'0123456789' * 4

def attempt(label, f):
    reset()
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e, ba)
    else:
        print(label, '=', r, ba)

attempt('index slice', lambda: ba[Shrink(0):30])
attempt('getitem', lambda: ba[Shrink(5)])
attempt('setitem value', lambda: ba.__setitem__(30, Shrink(65)))
attempt('setitem slice', lambda: ba.__setitem__(slice(Shrink(20), 30), b'xy'))
attempt('insert', lambda: ba.insert(35, Shrink(66)))
attempt('pop', lambda: ba.pop(Shrink(30)))
attempt('replace count', lambda: ba.replace(b'9', b'!', Shrink(3)))
attempt('format', lambda: ba % ())

fmt = bytearray(b'%s and %d and %s' + b'.' * 40)

class Mutator:
    def __bytes__(self):
        fmt.clear()
        return b'M'

print(fmt % (b'x', Shrink(7), Mutator()), fmt)
