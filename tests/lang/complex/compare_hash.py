# Equality with int/float/complex, no ordering, and hashes equal to CPython's.
nan = float("nan")
inf = float("inf")

pairs = [(1j, 1j), (1 + 0j, 1), (1 + 0j, 1.0), (1 + 0j, True), (0j, 0), (0j, -0.0),
         (1j, 1), (2 ** 53 + 1, complex(2 ** 53 + 1)), (2 ** 53 + 1, complex(2 ** 53)),
         (10 ** 400, 1j), (complex(nan, 0), nan), (1j, "1j"), (1j, None), (1 + 2j, 1 + 2.0j)]
for a, b in pairs:
    print(repr(a)[:24], repr(b)[:24], a == b, b == a, a != b, b != a)

for op in ["<", "<=", ">", ">="]:
    for a, b in [(1j, 1j), (1j, 1), (1.5, 2j), (1j, "a")]:
        try:
            print(eval("a " + op + " b"))
        except TypeError as e:
            print("TypeError:", e)

for z in [0j, 1j, -1j, 1 + 2j, 1 + 0j, -1 + 0j, complex(-0.0, -1), complex(1e300, -1e300),
          complex(2 ** 61, 3.5), complex(inf, -inf), complex(1.5, -2.25), 0.5 - 1e-300j]:
    print(repr(z), hash(z))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(complex(2 ** 70, 0)) == hash(2 ** 70))

d = {1: "int", 2.5: "float"}
d[1 + 0j] = "complex one"
d[2.5 + 0j] = "complex two and a half"
d[1j] = "i"
print(d, {1j, 1j, 2j, 0j, 0, 0.0} == {0, 1j, 2j})

try:
    sorted([1j, 2j])
except TypeError as e:
    print("TypeError:", e)
print(max([1j], key=abs), min(3 + 4j, 1j, key=lambda z: z.imag))
