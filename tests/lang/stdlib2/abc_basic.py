# abc: abstract methods, ABC, register() and __subclasshook__.
from abc import ABC, ABCMeta, abstractmethod, abstractproperty, get_cache_token


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    def describe(self):
        return "%s with area %s" % (self.name, self.area())


print(sorted(Shape.__abstractmethods__))
for cls in (Shape,):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)


class Half(Shape):
    def area(self):
        return 0


print(sorted(Half.__abstractmethods__))
try:
    Half()
except TypeError as e:
    print("TypeError:", e)


class Square(Half):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    @property
    def name(self):
        return "square"

    @classmethod
    def make(cls):
        return cls(3)


s = Square.make()
print(s.describe(), Square.__abstractmethods__ == frozenset())
print(isinstance(s, Shape), issubclass(Square, Shape), issubclass(int, Shape))


class One(metaclass=ABCMeta):
    @abstractmethod
    def only(self):
        pass


try:
    One()
except TypeError as e:
    print("TypeError:", e)


# register(): virtual subclasses.
class Container(ABC):
    pass


@Container.register
class Box:
    pass


print(Box.__name__, issubclass(Box, Container), isinstance(Box(), Container))
print(Container in Box.__mro__)
t = get_cache_token()
Container.register(list)
print(get_cache_token() > t, isinstance([], Container), isinstance((), Container))
print(Container.register(list) is list)
try:
    Container.register(3)
except TypeError as e:
    print("TypeError:", e)


class SubBox(Box):
    pass


print(issubclass(SubBox, Container))


# __subclasshook__: structural checks.
class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented


print(isinstance([], Sized), isinstance(3, Sized), issubclass(dict, Sized))


class MySized(Sized):
    pass


print(issubclass(MySized, Sized), issubclass(str, MySized))


# Subclasses of a registered ABC count too.
class Base(ABC):
    pass


class Child(Base):
    pass


Child.register(tuple)
print(issubclass(tuple, Base), issubclass(tuple, Child), issubclass(list, Base))


class Legacy(ABC):
    @abstractproperty
    def value(self):
        pass


try:
    Legacy()
except TypeError as e:
    print("TypeError:", e)
print(type(ABC).__name__, ABCMeta.__name__)
