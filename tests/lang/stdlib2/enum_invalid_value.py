# Looking up a value no member has.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


print(Color(1))
Color(3)
