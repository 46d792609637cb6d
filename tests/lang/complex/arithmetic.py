# complex arithmetic with int, float and complex operands on either side.
nan = float("nan")
inf = float("inf")


def show(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


operands = [1 + 2j, 3 - 4j, -2.5 + 0.5j, 2, -3, 1.5, -0.0, True, 2 ** 70]
for a in operands:
    for b in operands:
        if isinstance(a, complex) or isinstance(b, complex):
            print(repr(a), repr(b), a + b, a - b, a * b, show(lambda: a / b))

# Special values: CPython 3.11's Smith division and plain products.
special = [complex(inf, 0), complex(inf, inf), complex(nan, 1), 1 + 1j,
           complex(0, inf), 1e308 + 1e308j, 0j, complex(-0.0, 0.0)]
for a in special:
    print(repr(a), [show(lambda: a / b) for b in special])
    print("  ", [a * b for b in special], a * 2, 2 * a, a + 1)

# Powers: small integral exponents multiply, others go through polar form.
bases = [0j, 1j, 1 + 1j, -1 + 0j, 2, 1.5 - 2j, 1e10j]
exponents = [0, 1, 2, 3, -1, -3, 0.5, 2 + 0j, 100, 101, -100, 1.5 - 2j, 1j]
for a in bases:
    print(repr(a), [show(lambda: a ** b) for b in exponents])
print(2 ** 1j, 1.5 ** (1 + 1j), (-8.0) ** (1 / 3), (-8) ** 0.5, pow(1j, 2))
print(show(lambda: 0j ** -1), show(lambda: 0j ** 1j), show(lambda: 0j ** -1.5))
print(show(lambda: (1e200 + 1e200j) ** 2), show(lambda: 1j ** 1e300))
print(show(lambda: pow(1j, 2, 3)), show(lambda: 10 ** 400 + 1j))

# Unary operators, abs, bool.
for z in [3 + 4j, -0j, 0j, complex(inf, nan), complex(nan, -inf), complex(nan, 1),
          1e308 + 1e308j, 1e-320j]:
    print(repr(z), -z, +z, show(lambda: abs(z)), bool(z))

# Augmented assignment and sum().
x = 1j
x += 1
x *= 2j
x /= 2
x **= 2
x -= 1.5
print(x, sum([1j, 2, 3.5, 1 - 1j]), sum([1j], 1j), sum([], 0j))
