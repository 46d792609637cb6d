# complex(real=0, imag=0): numbers, __complex__/__float__/__index__, strings.


def show(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class C:
    def __complex__(self):
        return 3 + 4j


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 7


class Bad:
    def __complex__(self):
        return 1.5


class Sub(complex):
    pass


print(complex(), complex(1), complex(1.5), complex(real=2), complex(imag=3), complex(1, imag=2))
print(complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(True, False), complex(C()), complex(F()))
print(complex(I()), complex(F(), I()), complex(C(), 2))
z = 1 + 2j
print(complex(z) is z, z.__complex__() is z, +z is z)
for call in [lambda: complex(1, 2, 3), lambda: complex(foo=1), lambda: complex(1, real=2),
             lambda: complex("1", 2), lambda: complex(1, "2"), lambda: complex(imag="1"),
             lambda: complex(b"1"), lambda: complex(None), lambda: complex(1, []),
             lambda: complex(Bad()), lambda: complex(2, C()), lambda: complex(10 ** 400)]:
    print(show(call))

s = Sub(1, 2)
print(repr(s), type(s).__name__, type(+s).__name__, type(-s).__name__, type(s + 1).__name__)
print(type(complex(s)).__name__, s == 1 + 2j, hash(s) == hash(1 + 2j), Sub("1+1j"), Sub(2, 3).real)

texts = ["1+2j", " ( 1+2j ) ", "(1+2j", "1+2j)", "j", "-j", "+j", "1+j", "1-J", "infj",
         "-infinityJ", "nan+nanj", "NaN-InFj", "1e500", "1e500j", "1_000+2_0j", "1__0", "_1",
         "1_", "2_j", "1 +2j", "1+ 2j", "", " ", "()", "(j)", ".5j", "5.j", "1e", "1ej", "1+2",
         "+1.5e-3-4.5E+2j", "1j2", "j1", "\t1j\n", "1\x00", "1+2jj", "-nan", "1+-2j", "--1",
         "0x10", "1e1_0", "1e+j", "\u00a01j\u2003", "\u0661+\u0662j", "((1))", "1.5_5", "1_.5"]
for t in texts:
    print(repr(t), show(lambda: complex(t)))
