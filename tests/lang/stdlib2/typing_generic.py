# typing: TypeVar, Generic classes, Protocol, NamedTuple, TypedDict, get_type_hints.
from typing import (TypeVar, Generic, Protocol, NamedTuple, TypedDict, List, Dict, Optional,
                    ClassVar, get_type_hints, runtime_checkable, Iterator)

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")
N = TypeVar("N", int, float)
B = TypeVar("B", bound=str)
Co = TypeVar("Co", covariant=True)
print(T, N, B, Co, TypeVar("Contra", contravariant=True), N.__constraints__, B.__bound__)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), s.items, Stack[int], Stack[str] == Stack[str], Stack.__parameters__)
print(Stack.__mro__, s.__orig_class__)


class Pair(Generic[K, V]):
    def __init__(self, key: K, value: V):
        self.key, self.value = key, value


print(Pair[str, int], Pair("a", 1).value, Pair.__parameters__)
print(Dict[K, V][str, int], List[Pair[K, V]][int, str])


class IntStack(Stack[int]):
    pass


print(IntStack.__parameters__, IntStack.__orig_bases__, IntStack().items)
for bad in (lambda: Stack[int, str], lambda: Generic[int]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    class Plain(Generic):
        pass
except TypeError as e:
    print("TypeError:", e)


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class Resource:
    def close(self) -> None:
        print("closed")


class Shape(Protocol):
    def area(self) -> float: ...


print(isinstance(Resource(), Closable), isinstance(3, Closable), issubclass(Resource, Closable))
try:
    isinstance(Resource(), Shape)
except TypeError as e:
    print("TypeError:", e)
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)


class Square(Shape):
    def __init__(self, side: float):
        self.side = side

    def area(self) -> float:
        return self.side ** 2


print(Square(3).area())


class Point(NamedTuple):
    x: int
    y: int = 0

    def dist(self) -> int:
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
print(p, Point(1), p.dist(), p._fields, Point._field_defaults, Point.__annotations__)
print(p._replace(y=1), p._asdict(), isinstance(p, tuple), Point.__mro__)
Employee = NamedTuple("Employee", [("name", str), ("id", int)])
print(Employee("ann", 3), Employee.__annotations__)
try:
    class Bad(NamedTuple):
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError:", e)


class Movie(TypedDict):
    title: str
    year: int


class Rated(Movie, total=False):
    stars: int


m = Movie(title="Alien", year=1979)
print(m, type(m), Movie.__mro__, Movie.__annotations__)
print(sorted(Rated.__required_keys__), sorted(Rated.__optional_keys__), Rated.__total__)
Book = TypedDict("Book", {"isbn": str})
print(Book(isbn="x"), Book.__annotations__)


class Tree:
    value: int
    children: "List[Tree]"
    parent: Optional["Tree"]
    count: ClassVar[int] = 0


def walk(tree: "Tree", depth: int = 0) -> Iterator["Tree"]:
    yield tree


print(get_type_hints(Tree))
print(get_type_hints(walk))
