# dataclasses: generated __init__/__repr__/__eq__, field(), fields(), asdict(),
# astuple(), replace(), __post_init__, inheritance, InitVar, KW_ONLY.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         is_dataclass, InitVar, KW_ONLY, make_dataclass, MISSING)
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1)
print(p, Point(1, 2), Point(y=5, x=4), p == Point(1, 0), p != Point(2))
print(Point.__doc__, Point.__match_args__, Point.__init__.__qualname__)
print([(f.name, f.type.__name__, f.default is MISSING) for f in fields(Point)])
print(asdict(Point(3, 4)), astuple(Point(3, 4)), replace(p, y=9), p)
print(is_dataclass(p), is_dataclass(Point), is_dataclass(3), fields(p)[1].default)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
for bad in (lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


@dataclass
class Inventory:
    name: str
    qty: int = 0
    price: float = 1.0
    tags: List[str] = field(default_factory=list)
    total: float = field(init=False, repr=False)
    unit: ClassVar[str] = "each"

    def __post_init__(self):
        self.total = self.qty * self.price


a = Inventory("apple", 3, 0.5)
b = Inventory("pear")
a.tags.append("fruit")
print(a, b, a.total, b.tags, Inventory.unit, len(fields(a)))
print(Inventory.__doc__)


@dataclass
class Base:
    a: int
    b: str = "b"


@dataclass
class Derived(Base):
    c: float = 1.5
    a: int = 7


print(Derived(), [f.name for f in fields(Derived)], Derived(1, "x", 2.0) == Derived(1, "x", 2.0))


@dataclass
class Scaled:
    value: int
    factor: InitVar[int] = 2

    def __post_init__(self, factor):
        self.value *= factor


print(Scaled(3), Scaled(3, 10), [f.name for f in fields(Scaled)], repr(InitVar[int]))


@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(asdict(tree))
print(astuple(tree))
tree.children.append(tree)
print(repr(tree)[-30:])


@dataclass
class Options:
    name: str
    _: KW_ONLY
    verbose: bool = False
    level: int = 1


print(Options("x", level=3), Options.__match_args__, Options.__doc__)
try:
    Options("x", True)
except TypeError as e:
    print("TypeError:", e)


@dataclass(eq=False, repr=False)
class Plain:
    x: int


print(Plain(1) == Plain(1), "object at" in repr(Plain(1)))


@dataclass
class Custom:
    x: int

    def __repr__(self):
        return "Custom<%d>" % self.x


print(Custom(5), Custom(5) == Custom(5))
Pair = make_dataclass("Pair", [("left", int), ("right", int, field(default=0))])
print(Pair(1), Pair(1, 2) == Pair(1, 2), Pair.__doc__)
for bad in (lambda: replace(3), lambda: asdict(Point), lambda: fields(3),
            lambda: field(default=1, default_factory=list)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
