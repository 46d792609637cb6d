# format(z, spec) and f-strings: CPython's complex __format__.
nan = float("nan")
inf = float("inf")


def show(v, spec):
    try:
        return repr(format(v, spec))
    except (ValueError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)


values = [1 + 2j, 1j, -1j, -0j, complex(0.0, -0.0), 1.5 - 2.25j, 1234567.891 + 0.000123j,
          1e16 + 1e-7j, complex(nan, inf), 3 + 0j, 1e20 - 1e-20j]
specs = ["", "g", "f", "e", "E", "F", "G", "n", ".2f", ".3", ".0", ".1e", "20", "<20",
         "^20", "*^21", "+", " ", "+.2f", "#", "#.3", "#e", ",", "_", ",.2f", "z", "zf",
         "\u00e9>12", "+#,.1f"]
for v in values:
    print(repr(v), " ".join(show(v, s) for s in specs))

# Specs complex refuses, with CPython's messages.
for spec in ["010", "0<10", "=10", "x=10", "d", "%", "s", ",d", ",n", "_x", ",_", ".",
             "1.2.3", ".2147483648"]:
    print(repr(spec), show(1 + 2j, spec))

print(f"{1+2j}|{1+2j!r}|{1+2j:>12}|{3j:.2f}|{1+2j=}|{-1j:^9}|")
print("{:^10}|{:<8.1f}|{!s}".format(1j, 2 - 1j, 1j))
print((1j).__format__(""))
try:
    (1j).__format__(5)
except TypeError as e:
    print("TypeError:", e)
