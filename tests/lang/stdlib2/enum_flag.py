# enum.Flag and IntFlag: combining, membership, inversion, boundaries.
from enum import Flag, IntFlag, auto, CONFORM, EJECT


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6


print(list(Perm), len(Perm), repr(Perm.RW), Perm.R | Perm.W)
print(repr(Perm.R | Perm.X), str(Perm.R | Perm.X), (Perm.R | Perm.X).name, (Perm.R | Perm.X).value)
print(repr(~Perm.R), repr(Perm(0)), str(Perm(0)), bool(Perm(0)), bool(Perm.X))
print(Perm.R in Perm.RW, Perm.X in Perm.RW, list(Perm.R | Perm.X), len(Perm.R | Perm.W))
print(repr(Perm(7)), repr(~Perm(7)), repr(Perm.RW & Perm.W), repr(Perm.R ^ Perm.RW))
print((Perm.R | Perm.W) is Perm.RW, Perm(5) is (Perm.X | Perm.R))
try:
    Perm(8)
except ValueError as e:
    print("ValueError:", e)
try:
    Perm.R | 1
except TypeError as e:
    print("TypeError:", e)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()


white = Color.RED | Color.GREEN | Color.BLUE
print([c.value for c in Color], repr(white), list(white), repr(~Color.GREEN))
print(repr(Color), Color.RED in white, repr(white & ~Color.RED))


class Mode(IntFlag):
    READ = 4
    WRITE = 2
    EXEC = 1


rw = Mode.READ | Mode.WRITE
print(repr(rw), str(rw), rw == 6, rw + 1, isinstance(rw, int), f"{rw:b}")
print(repr(Mode.READ | 8), repr(Mode(8)), repr(~Mode.READ), repr(Mode(0)), str(Mode(0)))
print(repr(Mode.READ & 6), repr(1 | Mode.READ), list(Mode(7)), Mode.EXEC in Mode(5))
print(sorted([Mode.READ, Mode.EXEC, Mode.WRITE]), Mode.READ > Mode.WRITE)


class Loose(Flag, boundary=CONFORM):
    A = 1
    B = 2


class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2


print(repr(Loose(7)), repr(Eject(7)), repr(Eject(3)))
