# A field without a default after one with a default.
from dataclasses import dataclass

print("defining")


@dataclass
class Point:
    x: int = 0
    y: int
