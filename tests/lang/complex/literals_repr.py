# Imaginary literals, repr/str of complex values, and the parts.
nan = float("nan")
inf = float("inf")

print(1j, 2.5J, 1_0j, 0j, 1e3j, 0.j, .5j, 09j, 1E-3J, 00j)
print(1_2.3_4e1_0j, 123456789012345678901234567890j)
print(-1j, +1j, -0j, - -1j, 1 - 1j, 1 + -1j)

values = [
    1 + 2j, complex(-0.0, -1.0), complex(1e300, 0), complex(nan, inf),
    complex(0.0, 0.0), complex(-0.0, 0.0), complex(0.0, -0.0),
    complex(-nan, -nan), complex(1.5, -2.25), complex(1e16, 1e-5),
    complex(-inf, -inf), complex(1e-300, 5e-324), complex(0.1, 0.2),
    complex(123456789.0, 1e22), complex(2.0 ** 53, -(2.0 ** 53)),
]
for z in values:
    print(repr(z), str(z), z.real, z.imag, z.conjugate())

print([1j, -1j], (1j,), {"k": 2 - 3j}, f"{1+2j}", "%s %r" % (1j, 1 - 1j))
print(ascii(1 + 1j), type(1j), type(1j).__name__, isinstance(1j, complex))
print(type((1j).real).__name__, type((1j).imag).__name__, (3 + 4j).__getnewargs__())

# Constants: folded signs and tuples of complex literals.
def consts():
    return (1j, -1j, 2.0, 0j, -0j, 0.0, 0, 1j)

print(consts(), consts.__code__.co_consts)

# The attributes complex has beyond object's, as in CPython 3.11.
print(sorted(set(dir(complex)) - set(dir(object))))
print(complex.__name__, complex.__doc__.splitlines()[0])

# Parts are read-only.
z = 1 + 2j
for attr in ("real", "imag"):
    try:
        setattr(z, attr, 5.0)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    z.foo
except AttributeError as e:
    print("AttributeError:", e)
