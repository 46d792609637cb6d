# enum: members, lookup by value and name, iteration, aliases, auto, IntEnum.
from enum import Enum, IntEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias of RED

    def describe(self):
        return "%s is %d" % (self.name.lower(), self.value)

    @classmethod
    def favourite(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(list(Color), len(Color))
print(Color(2), Color["BLUE"], Color.CRIMSON, Color.CRIMSON is Color.RED)
print(Color(Color.RED) is Color.RED, Color.RED.describe(), Color.favourite())
print(list(Color.__members__), Color.__members__["CRIMSON"])
print(Color.RED == Color.RED, Color.RED != Color.BLUE, Color.RED == 1)
print(Color.RED in Color, isinstance(Color.RED, Color), type(Color.RED))
print(repr(Color), list(reversed(Color)))
print(f"{Color.BLUE}", "{:>12}|".format(Color.BLUE), "%s" % Color.GREEN)
d = {Color.RED: "r", Color.GREEN: "g"}
print(d[Color.CRIMSON], sorted(m.name for m in d))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color.RED < Color.BLUE
except TypeError as e:
    print("TypeError:", e)


class Ordinal(Enum):
    FIRST = auto()
    SECOND = auto()
    TENTH = 10
    ELEVENTH = auto()


print(list(Ordinal), [o.value for o in Ordinal])


class Weekday(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name[:3].lower()

    MONDAY = auto()
    TUESDAY = auto()


print(Weekday.MONDAY.value, Weekday("tue"))


class Level(IntEnum):
    LOW = 1
    MID = 5
    HIGH = auto()


print(Level.MID, repr(Level.MID), str(Level.HIGH), f"{Level.LOW:03d}", Level.MID + 1)
print(Level.LOW < Level.HIGH, Level(5) == 5, sorted([Level.HIGH, Level.LOW, 3]))
print(isinstance(Level.LOW, int), Level.HIGH.value, int(Level.MID), [1, 2, 3, 4, 5][Level.LOW])


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


print(Planet.EARTH.mass, Planet.EARTH.value, Planet((3.303e+23, 2.4397e6)))


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    ALIAS = 2

    @classmethod
    def _missing_(cls, value):
        if value == 0:
            return cls.DIAMOND
        return None


print(Shape(0), Shape.ALIAS)
try:
    unique(Shape)
except ValueError as e:
    print("ValueError:", e)


@unique
class Mood(Enum):
    HAPPY = 1
    SAD = 2


print(list(Mood))
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value)
Pet = Enum("Pet", [("DOG", 10), ("FISH", 20)])
print(Pet(20), repr(Pet.DOG))
try:
    class Twice(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TypeError:", e)
try:
    class Reserved(Enum):
        _bad_ = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class More(Color):
        PINK = 9
except TypeError as e:
    print("TypeError:", e)
