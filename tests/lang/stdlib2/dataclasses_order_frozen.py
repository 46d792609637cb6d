# dataclasses: order=True, frozen=True, unsafe_hash, eq=False, hashing rules.
from dataclasses import dataclass, field, FrozenInstanceError, replace


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = [Version(1, 2), Version(0, 9, "beta"), Version(1, 0), Version(1, 2, "rc")]
print(sorted(vs))
print(Version(1, 2) < Version(1, 3), Version(2) >= Version(1, 9), Version(1) <= Version(1))
print(Version(1, 2, "a") == Version(1, 2, "b"), max(vs))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print("TypeError:", e)


@dataclass(frozen=True)
class Color:
    r: int
    g: int
    b: int = 0


c = Color(255, 128)
print(c, hash(c) == hash(Color(255, 128)), c in {Color(255, 128, 0)})
for action in ("assign", "delete", "new"):
    try:
        if action == "assign":
            c.r = 0
        elif action == "delete":
            del c.g
        else:
            c.alpha = 1
    except FrozenInstanceError as e:
        print(type(e).__name__, isinstance(e, AttributeError), e)
print(replace(c, b=7), c)


@dataclass(unsafe_hash=True)
class Key:
    name: str
    weight: int = field(default=1, hash=False)


print(hash(Key("a")) == hash(Key("a", 5)), Key("a") == Key("a", 5))
k = Key("z")
k.weight = 3
print(k)


@dataclass(eq=False)
class Identity:
    x: int


i = Identity(1)
print(i == Identity(1), i == i, {i: 1}[i])


@dataclass
class WithHash:
    x: int

    def __hash__(self):
        return 42


print(hash(WithHash(1)), WithHash(1) == WithHash(1))

for kwargs, body in (({"order": True, "eq": False}, None), ({"order": True}, "__lt__"),
                     ({"unsafe_hash": True}, "__hash__")):
    try:
        ns = {}
        if body:
            ns[body] = lambda self, other=None: 0
        cls = type("Broken", (), dict(ns, __annotations__={"x": int}, __module__=__name__))
        dataclass(**kwargs)(cls)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


@dataclass(frozen=True)
class FrozenBase:
    x: int


try:
    @dataclass
    class Thawed(FrozenBase):
        y: int = 0
except TypeError as e:
    print("TypeError:", e)


@dataclass(frozen=True)
class FrozenChild(FrozenBase):
    y: int = 0


print(FrozenChild(1, 2), FrozenChild(1) == FrozenChild(1, 0))
