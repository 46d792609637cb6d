# typing: subscription reprs, Union/Optional rules, get_origin/get_args, cast,
# overload, final, TYPE_CHECKING, NewType, Literal, Annotated.
import typing
from typing import (Any, Optional, Union, List, Dict, Set, FrozenSet, Tuple, Callable,
                    Iterable, Iterator, Generator, Sequence, Mapping, MutableMapping, Type,
                    ClassVar, Final, Literal, NoReturn, Annotated, TYPE_CHECKING, cast,
                    overload, final, get_origin, get_args, NewType)

print(List[int], Dict[str, List[int]], Set[str], FrozenSet[int], Type[int])
print(Optional[int], Union[int, str], Union[int, str, None], Optional[Union[int, str]])
print(Tuple[int, ...], Tuple[()], Tuple[int, str], Callable[[int, str], bool])
print(Callable[..., int], Callable[[], None], Iterable[int], Iterator[str])
print(Generator[int, None, None], Sequence[float], Mapping[str, Any], MutableMapping[str, int])
print(ClassVar[int], Final[str], Literal[1, "a", True], NoReturn, Any, List, Optional)
print(Annotated[int, "meta"], List["Forward"], Dict[str, "Node"])
print(Union[int], Union[int, int], Union[int, Union[str, float]], Union[int, str] == Union[str, int])
print(Optional[int] == Union[int, None], List[int] == List[int], List[int] != List[str])
print(Union[int, str | None], Optional[list[int]], List[int] | None, int | List[str])
print(get_origin(List[int]), get_origin(Dict[str, int]), get_origin(Union[int, str]), get_origin(int))
print(get_args(Dict[str, int]), get_args(Callable[[int], str]), get_args(Optional[int]), get_args(int))
print(get_origin(list[int]), get_args(list[int]), get_origin(Annotated[int, 1]), get_args(Literal[1, 2]))
print(List[int].__origin__, List[int].__args__, Optional[int].__args__, Tuple[int, ...].__args__)
print(cast(int, "not an int"), cast(List[str], [1]), TYPE_CHECKING)
print(isinstance([], List), isinstance({}, Mapping), isinstance((1,), Sequence), isinstance(len, Callable))
print(isinstance(1, Union[int, str]), isinstance(1.5, Optional[int]), issubclass(bool, Union[int, str]))
for bad in (lambda: List[int, str], lambda: Dict[int], lambda: Union[()], lambda: Optional[int, str],
            lambda: List(), lambda: isinstance([], List[int]), lambda: isinstance(1, Any),
            lambda: Callable[int], lambda: ClassVar[int, str], lambda: Optional()):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(2), double("ab"))


@overload
def only(x: int) -> int: ...


try:
    only(1)
except NotImplementedError as e:
    print("NotImplementedError")


@final
class Leaf:
    @final
    def method(self) -> None:
        pass


print(Leaf.__final__, Leaf.method.__final__)
UserId = NewType("UserId", int)
print(UserId(42), UserId, UserId.__supertype__)


def annotated(a: int, b: Optional[str] = None, *args: int, **kw: Any) -> Dict[str, int]:
    return {}


print(annotated.__annotations__)
x: List[int] = [1, 2]
print(x, typing.Text, typing.AnyStr)
import typing, dataclasses, enum
print(isinstance([], typing.Hashable), isinstance(1, typing.Hashable), isinstance({}, typing.Hashable))
try:
    @dataclasses.dataclass
    class A:
        x: list = []
except ValueError as e: print(e)
print(enum.FlagBoundary.STRICT, repr(enum.KEEP))
