"""Support for type hints (CPython 3.11's typing module, written for kaa).

Type hints are not checked at run time; what matters is that annotations
and the common run-time uses work: subscripting (List[int],
Optional[str], Callable[[int], str]) with CPython's reprs, Generic classes
and TypeVar substitution, Protocol with runtime_checkable, NamedTuple and
TypedDict class syntax, cast, overload, final, NewType, get_type_hints,
get_origin and get_args.

The aliases of abstract collections (Iterable, Mapping, ...) have
collections.abc classes as their origin. kaa has no collections.abc yet,
so, when it cannot be imported, small stand-ins with the same names,
subclass hooks and mixin methods are built here.

Known differences: TypeVar, NewType and functional NamedTuple cannot find
the calling module (kaa has no sys._getframe), so NewType reprs say
__main__; ParamSpec and TypeVarTuple are placeholders without
substitution.
"""

import sys
import collections
import functools
import types
from abc import ABCMeta, abstractmethod, _check_methods

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef',
    'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar',
    'TypeVarTuple', 'Union', 'AbstractSet', 'ByteString', 'Container', 'ContextManager',
    'Hashable', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
    'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView',
    'Collection', 'Generator', 'Reversible', 'SupportsAbs', 'SupportsBytes',
    'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set',
    'FrozenSet', 'NamedTuple', 'TypedDict', 'AnyStr', 'assert_type', 'assert_never', 'cast',
    'clear_overloads', 'dataclass_transform', 'final', 'get_args', 'get_origin',
    'get_overloads', 'get_type_hints', 'is_typeddict', 'LiteralString', 'Never', 'NewType',
    'no_type_check', 'no_type_check_decorator', 'NoReturn', 'NotRequired', 'overload',
    'ParamSpecArgs', 'ParamSpecKwargs', 'Required', 'reveal_type', 'runtime_checkable',
    'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'Unpack', 'IO', 'TextIO',
    'BinaryIO',
]

TYPE_CHECKING = False

_NoneType = type(None)
_GenericAliasType = types.GenericAlias
_UnionType = types.UnionType


################################################################################
### Stand-ins for collections.abc
################################################################################

def _subclasshook(*methods):
    # The __subclasshook__ of a stand-in ABC that any class defining methods
    # satisfies. Only the ABC it is defined in answers (CPython's hooks test
    # `cls is Iterable`); its subclasses get NotImplemented.
    def __subclasshook__(cls, C):
        if cls.__dict__.get('__subclasshook__') is hook:
            return _check_methods(C, *methods)
        return NotImplemented
    hook = classmethod(__subclasshook__)
    return hook


def _make_collections_abc():
    # (Each class's __module__ and __qualname__ are set at the end, where
    # they are collected into the namespace.)
    ns = types.SimpleNamespace()

    class Hashable(metaclass=ABCMeta):
        __slots__ = ()

        @abstractmethod
        def __hash__(self):
            return 0

        @classmethod
        def __subclasshook__(cls, C):
            if cls is Hashable:
                return _check_methods(C, "__hash__")
            return NotImplemented

    class Iterable(metaclass=ABCMeta):
        __slots__ = ()

        @abstractmethod
        def __iter__(self):
            while False:
                yield None

        __subclasshook__ = _subclasshook('__iter__')

        __class_getitem__ = classmethod(_GenericAliasType)

    class Iterator(Iterable):
        __slots__ = ()

        @abstractmethod
        def __next__(self):
            raise StopIteration

        def __iter__(self):
            return self

        __subclasshook__ = _subclasshook('__iter__', '__next__')

    class Reversible(Iterable):
        __slots__ = ()

        @abstractmethod
        def __reversed__(self):
            while False:
                yield None

        __subclasshook__ = _subclasshook('__reversed__', '__iter__')

    class Generator(Iterator):
        __slots__ = ()

        def __next__(self):
            return self.send(None)

        @abstractmethod
        def send(self, value):
            raise StopIteration

        @abstractmethod
        def throw(self, typ, val=None, tb=None):
            if val is None:
                if tb is None:
                    raise typ
                val = typ()
            if tb is not None:
                val = val.with_traceback(tb)
            raise val

        def close(self):
            try:
                self.throw(GeneratorExit)
            except (GeneratorExit, StopIteration):
                pass
            else:
                raise RuntimeError("generator ignored GeneratorExit")

        __subclasshook__ = _subclasshook('__iter__', '__next__', 'send', 'throw', 'close')

    class Sized(metaclass=ABCMeta):
        __slots__ = ()

        @abstractmethod
        def __len__(self):
            return 0

        __subclasshook__ = _subclasshook('__len__')

    class Container(metaclass=ABCMeta):
        __slots__ = ()

        @abstractmethod
        def __contains__(self, x):
            return False

        __subclasshook__ = _subclasshook('__contains__')

        __class_getitem__ = classmethod(_GenericAliasType)

    class Collection(Sized, Iterable, Container):
        __slots__ = ()

        __subclasshook__ = _subclasshook('__len__', '__iter__', '__contains__')

    class Callable(metaclass=ABCMeta):
        __slots__ = ()

        @abstractmethod
        def __call__(self, *args, **kwds):
            return False

        __subclasshook__ = _subclasshook('__call__')

        __class_getitem__ = classmethod(_GenericAliasType)

    class Set(Collection):
        __slots__ = ()

        def __le__(self, other):
            if not isinstance(other, Set):
                return NotImplemented
            if len(self) > len(other):
                return False
            for elem in self:
                if elem not in other:
                    return False
            return True

        def __lt__(self, other):
            if not isinstance(other, Set):
                return NotImplemented
            return len(self) < len(other) and self.__le__(other)

        def __gt__(self, other):
            if not isinstance(other, Set):
                return NotImplemented
            return len(self) > len(other) and self.__ge__(other)

        def __ge__(self, other):
            if not isinstance(other, Set):
                return NotImplemented
            if len(self) < len(other):
                return False
            for elem in other:
                if elem not in self:
                    return False
            return True

        def __eq__(self, other):
            if not isinstance(other, Set):
                return NotImplemented
            return len(self) == len(other) and self.__le__(other)

        @classmethod
        def _from_iterable(cls, it):
            return cls(it)

        def __and__(self, other):
            if not isinstance(other, Iterable):
                return NotImplemented
            return self._from_iterable(value for value in other if value in self)

        __rand__ = __and__

        def isdisjoint(self, other):
            for value in other:
                if value in self:
                    return False
            return True

        def __or__(self, other):
            if not isinstance(other, Iterable):
                return NotImplemented
            return self._from_iterable([e for s in (self, other) for e in s])

        __ror__ = __or__

        def __sub__(self, other):
            if not isinstance(other, Set):
                if not isinstance(other, Iterable):
                    return NotImplemented
                other = self._from_iterable(other)
            return self._from_iterable(value for value in self if value not in other)

        def __rsub__(self, other):
            if not isinstance(other, Set):
                if not isinstance(other, Iterable):
                    return NotImplemented
                other = self._from_iterable(other)
            return self._from_iterable(value for value in other if value not in self)

        def __xor__(self, other):
            if not isinstance(other, Set):
                if not isinstance(other, Iterable):
                    return NotImplemented
                other = self._from_iterable(other)
            return (self - other) | (other - self)

        __rxor__ = __xor__

        def _hash(self):
            h = 0
            for x in self:
                h ^= hash(x)
            return h

    class MutableSet(Set):
        __slots__ = ()

        @abstractmethod
        def add(self, value):
            raise NotImplementedError

        @abstractmethod
        def discard(self, value):
            raise NotImplementedError

        def remove(self, value):
            if value not in self:
                raise KeyError(value)
            self.discard(value)

        def pop(self):
            it = iter(self)
            try:
                value = next(it)
            except StopIteration:
                raise KeyError from None
            self.discard(value)
            return value

        def clear(self):
            try:
                while True:
                    self.pop()
            except KeyError:
                pass

        def __ior__(self, it):
            for value in it:
                self.add(value)
            return self

        def __iand__(self, it):
            for value in (self - it):
                self.discard(value)
            return self

        def __ixor__(self, it):
            if it is self:
                self.clear()
            else:
                if not isinstance(it, Set):
                    it = self._from_iterable(it)
                for value in it:
                    if value in self:
                        self.discard(value)
                    else:
                        self.add(value)
            return self

        def __isub__(self, it):
            if it is self:
                self.clear()
            else:
                for value in it:
                    self.discard(value)
            return self

    class Mapping(Collection):
        __slots__ = ()

        @abstractmethod
        def __getitem__(self, key):
            raise KeyError

        def get(self, key, default=None):
            try:
                return self[key]
            except KeyError:
                return default

        def __contains__(self, key):
            try:
                self[key]
            except KeyError:
                return False
            return True

        def keys(self):
            return collections.KeysView(self)

        def items(self):
            return collections.ItemsView(self)

        def values(self):
            return collections.ValuesView(self)

        def __eq__(self, other):
            if not isinstance(other, Mapping):
                return NotImplemented
            return dict(self.items()) == dict(other.items())

        __reversed__ = None

    class MutableMapping(Mapping):
        __slots__ = ()

        @abstractmethod
        def __setitem__(self, key, value):
            raise KeyError

        @abstractmethod
        def __delitem__(self, key):
            raise KeyError

        _marker = object()

        def pop(self, key, default=_marker):
            try:
                value = self[key]
            except KeyError:
                if default is MutableMapping._marker:
                    raise
                return default
            del self[key]
            return value

        def popitem(self):
            try:
                key = next(iter(self))
            except StopIteration:
                raise KeyError from None
            value = self[key]
            del self[key]
            return key, value

        def clear(self):
            try:
                while True:
                    self.popitem()
            except KeyError:
                pass

        def update(self, other=(), /, **kwds):
            if isinstance(other, Mapping):
                for key in other:
                    self[key] = other[key]
            elif hasattr(other, "keys"):
                for key in other.keys():
                    self[key] = other[key]
            else:
                for key, value in other:
                    self[key] = value
            for key, value in kwds.items():
                self[key] = value

        def setdefault(self, key, default=None):
            try:
                return self[key]
            except KeyError:
                self[key] = default
            return default

    class Sequence(Reversible, Collection):
        __slots__ = ()

        @abstractmethod
        def __getitem__(self, index):
            raise IndexError

        def __iter__(self):
            i = 0
            try:
                while True:
                    v = self[i]
                    yield v
                    i += 1
            except IndexError:
                return

        def __contains__(self, value):
            for v in self:
                if v is value or v == value:
                    return True
            return False

        def __reversed__(self):
            for i in reversed(range(len(self))):
                yield self[i]

        def index(self, value, start=0, stop=None):
            if start is not None and start < 0:
                start = max(len(self) + start, 0)
            if stop is not None and stop < 0:
                stop += len(self)
            i = start
            while stop is None or i < stop:
                try:
                    v = self[i]
                except IndexError:
                    break
                if v is value or v == value:
                    return i
                i += 1
            raise ValueError

        def count(self, value):
            return sum(1 for v in self if v is value or v == value)

    class ByteString(Sequence):
        __slots__ = ()

    class MutableSequence(Sequence):
        __slots__ = ()

        @abstractmethod
        def __setitem__(self, index, value):
            raise IndexError

        @abstractmethod
        def __delitem__(self, index):
            raise IndexError

        @abstractmethod
        def insert(self, index, value):
            raise IndexError

        def append(self, value):
            self.insert(len(self), value)

        def clear(self):
            try:
                while True:
                    self.pop()
            except IndexError:
                pass

        def reverse(self):
            n = len(self)
            for i in range(n // 2):
                self[i], self[n - i - 1] = self[n - i - 1], self[i]

        def extend(self, values):
            if values is self:
                values = list(values)
            for v in values:
                self.append(v)

        def pop(self, index=-1):
            v = self[index]
            del self[index]
            return v

        def remove(self, value):
            del self[self.index(value)]

        def __iadd__(self, values):
            self.extend(values)
            return self

    class MappingView(Sized):
        __slots__ = ('_mapping',)

        def __init__(self, mapping):
            self._mapping = mapping

        def __len__(self):
            return len(self._mapping)

    for cls in (Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container,
                Collection, Callable, Set, MutableSet, Mapping, MutableMapping, Sequence,
                ByteString, MutableSequence, MappingView):
        cls.__module__ = 'collections.abc'
        cls.__qualname__ = cls.__name__
        setattr(ns, cls.__name__, cls)

    Sequence.register(tuple)
    Sequence.register(str)
    Sequence.register(range)
    MutableSequence.register(list)
    MutableSequence.register(bytearray)
    ByteString.register(bytes)
    ByteString.register(bytearray)
    MutableSequence.register(collections.deque)
    Set.register(frozenset)
    MutableSet.register(set)
    MutableMapping.register(dict)
    for view in (collections.KeysView, collections.ItemsView, collections.ValuesView):
        MappingView.register(view)
    for view_type in (type({}.keys()), type({}.items())):
        Set.register(view_type)
    Collection.register(type({}.values()))
    ns.KeysView = collections.KeysView
    ns.ItemsView = collections.ItemsView
    ns.ValuesView = collections.ValuesView
    return ns


try:
    import collections.abc as _abc
except ImportError:
    _abc = _make_collections_abc()


################################################################################
### Helpers
################################################################################

def _type_repr(obj):
    # How an argument shows inside an alias's repr: builtins by their plain
    # names, other classes as module.qualname.
    if isinstance(obj, _GenericAliasType):
        return repr(obj)
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    return repr(obj)


def _type_convert(arg, module=None, allow_special_forms=False, is_argument=True):
    # None stands for NoneType, a string for the type it names (a ForwardRef).
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg, is_argument=is_argument, module=module,
                          is_class=allow_special_forms)
    return arg


def _type_check(arg, msg, is_argument=True, module=None, *, allow_special_forms=False):
    # Light validation of a type argument, as lenient as CPython 3.11's.
    invalid_generic_forms = (Generic, Protocol)
    if not allow_special_forms:
        invalid_generic_forms += (ClassVar,)
        if is_argument:
            invalid_generic_forms += (Final,)
    arg = _type_convert(arg, module=module, allow_special_forms=allow_special_forms)
    if (isinstance(arg, _GenericAlias) and arg.__origin__ in invalid_generic_forms):
        raise TypeError("%s is not valid as type argument" % (arg,))
    if arg in (Any, LiteralString, NoReturn, Never, Self, TypeAlias):
        return arg
    if allow_special_forms and arg in (ClassVar, Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError("Plain %s is not valid as type argument" % (arg,))
    if type(arg) is tuple:
        raise TypeError("%s Got %s." % (msg, _short_repr(arg)))
    return arg


def _short_repr(obj):
    text = repr(obj)
    return text[:100]


def _is_dunder(attr):
    return attr.startswith('__') and attr.endswith('__')


def _collect_parameters(args):
    # The type variables among args (and inside aliases among args), each
    # once, in order of first appearance.
    params = []
    for t in args:
        if isinstance(t, type):
            continue
        if isinstance(t, (TypeVar, ParamSpec, TypeVarTuple)):
            if t not in params:
                params.append(t)
        elif isinstance(t, (list, tuple)):
            for x in _collect_parameters(t):
                if x not in params:
                    params.append(x)
        else:
            if isinstance(t, _GenericAliasType):
                inner = _collect_parameters(t.__args__)
            else:
                inner = getattr(t, '__parameters__', ())
            for x in inner:
                if x not in params:
                    params.append(x)
    return tuple(params)


def _check_generic(cls, parameters, elen):
    if not elen:
        raise TypeError("%s is not a generic class" % (cls,))
    alen = len(parameters)
    if alen != elen:
        raise TypeError("Too %s arguments for %s; actual %d, expected %d"
                        % ('many' if alen > elen else 'few', cls, alen, elen))


def _deduplicate(params):
    result = []
    for p in params:
        if p not in result:
            result.append(p)
    return result


def _remove_dups_flatten(parameters):
    params = []
    for p in parameters:
        if isinstance(p, (_UnionGenericAlias, _UnionType)):
            params.extend(p.__args__)
        else:
            params.append(p)
    return tuple(_deduplicate(params))


def _substitute(arg, subst):
    if isinstance(arg, (TypeVar, ParamSpec)):
        return subst.get(arg, arg)
    if isinstance(arg, (list, tuple)) and not isinstance(arg, _GenericAlias):
        return type(arg)(_substitute(a, subst) for a in arg)
    params = _collect_parameters((arg,)) if not isinstance(arg, type) else ()
    if params:
        if isinstance(arg, _GenericAliasType):
            return _GenericAliasType(arg.__origin__,
                                     tuple(_substitute(a, subst) for a in arg.__args__))
        return arg[tuple(subst.get(p, p) for p in params)]
    return arg


class _Final:
    """Base of the typing objects that must not be subclassed."""

    def __init_subclass__(cls, /, *args, **kwds):
        if '_root' not in kwds:
            raise TypeError("Cannot subclass special typing classes")


class _UnionOperand:
    """Mixin of the typing objects that | combines into a Union:
    X | Y is Union[X, Y] and Y | X is Union[Y, X].
    """

    __slots__ = ()

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


################################################################################
### Special forms: Any, Union, Optional, ClassVar, Final, Literal, ...
################################################################################

class _SpecialForm(_Final, _UnionOperand, _root=True):
    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass %r" % (self,))

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError("Cannot instantiate %r" % (self,))

    def __instancecheck__(self, obj):
        raise TypeError("%s cannot be used with isinstance()" % (self,))

    def __subclasscheck__(self, cls):
        raise TypeError("%s cannot be used with issubclass()" % (self,))

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        # (kaa's type has no __instancecheck__ to defer to)
        return self in type(obj).__mro__

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type compatible with every type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


def _simple_form(name, doc, message=None):
    # A special form that takes no arguments (message None: NoReturn, Self,
    # ...) or exactly one type (ClassVar[int], ...); message starts the
    # TypeError for a tuple of them.
    if message is None:
        def getitem(self, parameters):
            raise TypeError("%s is not subscriptable" % (self,))
    else:
        def getitem(self, parameters):
            item = _type_check(parameters, message)
            return _GenericAlias(self, (item,))
    getitem.__name__ = getitem.__qualname__ = name
    getitem.__doc__ = doc
    return _SpecialForm(getitem)


NoReturn = _simple_form('NoReturn', "Special type for functions that never return.")
Never = _simple_form('Never', "The bottom type, which has no members.")
Self = _simple_form('Self', "The type of the current enclosed class.")
LiteralString = _simple_form('LiteralString', "The type of literal strings.")
TypeAlias = _simple_form('TypeAlias', "Marks an explicit type alias: Alias: TypeAlias = int.")
ClassVar = _simple_form(
    'ClassVar', "Marks a class variable (not an instance attribute) in a class body.",
    'typing.ClassVar accepts only single type.')
Final = _simple_form(
    'Final', "Marks a name that must not be reassigned or overridden.",
    'typing.Final accepts only single type.')


@_SpecialForm
def Union(self, parameters):
    """Union[X, Y]: either X or Y. Nested unions are flattened, duplicates
    removed, and a union of one type is that type.
    """
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = "Union[arg, ...]: each arg must be a type."
    parameters = tuple(_type_check(p, msg) for p in parameters)
    parameters = _remove_dups_flatten(parameters)
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and _NoneType in parameters:
        return _UnionGenericAlias(self, parameters, name="Optional")
    return _UnionGenericAlias(self, parameters)


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is Union[X, None]."""
    arg = _type_check(parameters, "%s requires a single type." % (self,))
    return Union[arg, _NoneType]


@_SpecialForm
def Literal(self, parameters):
    """Literal[v1, v2]: exactly one of the given values."""
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    params = []
    seen = []
    for p in parameters:
        key = (p, type(p))
        if key not in seen:
            seen.append(key)
            params.append(p)
    return _LiteralGenericAlias(self, tuple(params))


@_SpecialForm
def Concatenate(self, parameters):
    """Used with Callable and ParamSpec: Concatenate[int, P]."""
    if parameters == ():
        raise TypeError("Cannot take a Concatenate of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters)


TypeGuard = _simple_form(
    'TypeGuard', "Return type of a user-defined type guard function.",
    'typing.TypeGuard accepts only single type.')
Required = _simple_form(
    'Required', "Marks a TypedDict key as required.",
    'Required accepts only a single type.')
NotRequired = _simple_form(
    'NotRequired', "Marks a TypedDict key as possibly missing.",
    'NotRequired accepts only a single type.')
Unpack = _simple_form(
    'Unpack', "Unpacks a TypeVarTuple.",
    'Unpack accepts only single type.')


class ForwardRef(_Final, _UnionOperand, _root=True):
    """A type given as a string, evaluated later (by get_type_hints)."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got %r" % (arg,))
        self.__forward_arg__ = arg
        self.__forward_code__ = None
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        if self.__forward_arg__ in recursive_guard:
            return self
        if not self.__forward_evaluated__ or localns is not globalns:
            if globalns is None and localns is None:
                globalns = localns = {}
            elif globalns is None:
                globalns = localns
            elif localns is None:
                localns = globalns
            if self.__forward_module__ is not None:
                globalns = _module_namespace(self.__forward_module__)
            value = eval(self.__forward_arg__, globalns, localns)
            type_ = _type_check(value, "Forward references must evaluate to types.",
                                is_argument=self.__forward_is_argument__,
                                allow_special_forms=self.__forward_is_class__)
            self.__forward_value__ = _eval_type(type_, globalns, localns,
                                                recursive_guard | {self.__forward_arg__})
            self.__forward_evaluated__ = True
        return self.__forward_value__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__
                and self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __repr__(self):
        if self.__forward_module__ is None:
            module_repr = ''
        else:
            module_repr = ', module=%r' % (self.__forward_module__,)
        return 'ForwardRef(%r%s)' % (self.__forward_arg__, module_repr)


################################################################################
### Type variables
################################################################################

class _BoundVarianceMixin(_UnionOperand):
    """What TypeVar and ParamSpec share: | makes a Union, and the repr is
    the name after +, - or ~ (covariant, contravariant, invariant).
    """

    __slots__ = ()

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__


class TypeVar(_Final, _BoundVarianceMixin, _root=True):
    """A type variable: T = TypeVar('T'), with optional constraints
    (TypeVar('S', int, str)), bound=, covariant= or contravariant=.
    """

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if constraints and len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        msg = "TypeVar(name, constraint, ...): constraints must be types."
        self.__constraints__ = tuple(_type_check(t, msg) for t in constraints)
        self.__bound__ = None if bound is None else _type_check(bound, "Bound must be a type.")

    def __reduce__(self):
        return self.__name__

    def __typing_subst__(self, arg):
        return _type_check(arg, "Parameters to generic types must be types.")


class TypeVarTuple(_Final, _root=True):
    """A variadic type variable (placeholder: no substitution in kaa)."""

    def __init__(self, name):
        self.__name__ = name

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


class ParamSpecArgs(_Final, _root=True):
    """The type of P.args."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return "%s.args" % (self.__origin__.__name__,)


class ParamSpecKwargs(_Final, _root=True):
    """The type of P.kwargs."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return "%s.kwargs" % (self.__origin__.__name__,)


class ParamSpec(_Final, _BoundVarianceMixin, _root=True):
    """A parameter specification variable: P = ParamSpec('P')."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__bound__ = None if bound is None else _type_check(bound, "Bound must be a type.")

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)


################################################################################
### Generic aliases: List[int], Callable[[int], str], Union[...], ...
################################################################################

_ALIAS_OWN_ATTRS = ('_name', '_inst', '_nparams', '_paramspec_tvars', '_typevar_types',
                    '_defaults')


class _BaseGenericAlias(_Final, _UnionOperand, _root=True):
    """Common part of subscripted and bare aliases: calling one makes an
    instance of the origin; other attributes are the origin's.
    """

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError("Type %s cannot be instantiated; use %s() instead"
                            % (self._name, self.__origin__.__name__))
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type)
                                                    and issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in ('__origin__', '__args__'):
            raise AttributeError(attr)
        if '__origin__' in self.__dict__ and not _is_dunder(attr):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, val):
        if _is_dunder(attr) or attr in _ALIAS_OWN_ATTRS:
            object.__setattr__(self, attr, val)
        else:
            setattr(self.__origin__, attr, val)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


class _GenericAlias(_BaseGenericAlias, _root=True):
    """A subscripted alias: List[int], G[T], ClassVar[int], ..."""

    def __init__(self, origin, args, *, inst=True, name=None, _paramspec_tvars=False):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_parameters(args)
        self._paramspec_tvars = _paramspec_tvars
        if not name:
            self.__module__ = origin.__module__

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError("Cannot subscript already-subscripted %s" % (self,))
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(p) for p in args)
        params = self.__parameters__
        _check_generic(self, args, len(params))
        subst = dict(zip(params, args))
        return self.copy_with(tuple(_substitute(a, subst) for a in self.__args__))

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ", ".join(_type_repr(a) for a in self.__args__)
        else:
            args = "()"
        return '%s[%s]' % (name, args)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError("Cannot subclass %r" % (self,))
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)


class _SpecialGenericAlias(_BaseGenericAlias, _root=True):
    """A bare alias of a class: List, Dict, Iterable, ... Subscripting it
    checks the number of arguments; isinstance() checks against the origin.
    """

    def __init__(self, origin, nparams, *, inst=True, name=None):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        if origin.__module__ == 'builtins':
            self.__doc__ = 'A generic version of %s.' % (origin.__qualname__,)
        else:
            self.__doc__ = 'A generic version of %s.%s.' % (origin.__module__,
                                                            origin.__qualname__)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = "Parameters to generic types must be types."
        params = tuple(_type_check(p, msg) for p in params)
        _check_generic(self, params, self._nparams)
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __reduce__(self):
        return self._name


class _CallableGenericAlias(_GenericAlias, _root=True):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is Ellipsis:
            return 'typing.Callable[..., %s]' % (_type_repr(args[1]),)
        return 'typing.Callable[[%s], %s]' % (', '.join(_type_repr(a) for a in args[:-1]),
                                              _type_repr(args[-1]))

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst,
                                     _paramspec_tvars=True)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return super().__getitem__(params)


class _CallableType(_SpecialGenericAlias, _root=True):
    # Callable[[int], str] is a _CallableGenericAlias, made as its copies are.
    copy_with = _CallableGenericAlias.copy_with

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            params = (tuple(args), result)
        return self.__getitem_inner__(params)

    def __getitem_inner__(self, params):
        args, result = params
        msg = "Callable[args, result]: result must be a type."
        result = _type_check(result, msg)
        if args is Ellipsis:
            return self.copy_with((_TypingEllipsis, result))
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(arg) for arg in args)
        return self.copy_with(args + (result,))


class _TupleType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = "Tuple[t, ...]: t must be a type."
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with(params + (_TypingEllipsis,))
        msg = "Tuple[t0, t1, ...]: each t must be a type."
        params = tuple(_type_check(p, msg) for p in params)
        return self.copy_with(params)


class _UnionGenericAlias(_GenericAlias, _root=True):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, _UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return 'typing.Optional[%s]' % (_type_repr(args[1]),)
            if args[1] is _NoneType:
                return 'typing.Optional[%s]' % (_type_repr(args[0]),)
        return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False


class _LiteralGenericAlias(_GenericAlias, _root=True):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return (set((a, type(a)) for a in self.__args__)
                == set((a, type(a)) for a in other.__args__))

    def __hash__(self):
        return hash(frozenset((a, type(a)) for a in self.__args__))


class _AnnotatedAlias(_GenericAlias, _root=True):
    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin)
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return "typing.Annotated[%s, %s]" % (_type_repr(self.__origin__),
                                             ", ".join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return 'Annotated'
        return super().__getattr__(attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class Annotated:
    """Annotated[T, x]: the type T with context-specific metadata x."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    @classmethod
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two arguments "
                            "(a type and an annotation).")
        msg = "Annotated[t, ...]: t must be a type."
        origin = _type_check(params[0], msg, allow_special_forms=True)
        return _AnnotatedAlias(origin, tuple(params[1:]))

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("Cannot subclass %s.Annotated" % (cls.__module__,))


class _TypingEllipsis:
    """Internal placeholder for ... in Tuple[int, ...] and Callable[..., T]."""


def _alias(origin, nparams, *, inst=True, name=None):
    return _SpecialGenericAlias(origin, nparams, inst=inst, name=name)


################################################################################
### Generic and Protocol
################################################################################

class Generic:
    """Base class of generic classes: class Box(Generic[T]) makes Box[int]
    a valid alias, with T among Box.__parameters__.
    """

    __slots__ = ()
    _is_protocol = False

    @classmethod
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_convert(p) for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError("Parameter list to %s[...] cannot be empty"
                                % (cls.__qualname__,))
            if not all(isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)) for p in params):
                raise TypeError("Parameters to %s[...] must all be type variables or "
                                "parameter specification variables." % (cls.__name__,))
            if len(set(params)) != len(params):
                raise TypeError("Parameters to %s[...] must all be unique" % (cls.__name__,))
        else:
            _check_generic(cls, params, len(getattr(cls, '__parameters__', ())))
        return _GenericAlias(cls, params, _paramspec_tvars=True)

    def __init_subclass__(cls, *args, **kwargs):
        parent = getattr(super(), '__init_subclass__', None)
        if parent is not None:
            parent(*args, **kwargs)
        tvars = []
        own = cls.__dict__
        if '__orig_bases__' in own:
            error = Generic in own['__orig_bases__']
        else:
            error = (Generic in cls.__bases__ and cls.__name__ != 'Protocol'
                     and type(cls) != _TypedDictMeta)
        if error:
            raise TypeError("Cannot inherit from plain Generic")
        if '__orig_bases__' in own:
            tvars = list(_collect_parameters(own['__orig_bases__']))
            gvars = None
            for base in own['__orig_bases__']:
                if isinstance(base, _GenericAlias) and base.__origin__ is Generic:
                    if gvars is not None:
                        raise TypeError("Cannot inherit from Generic[...] multiple times.")
                    gvars = base.__parameters__
            if gvars is not None:
                missing = [t for t in tvars if t not in gvars]
                if missing:
                    raise TypeError("Some type variables (%s) are not listed in Generic[%s]"
                                    % (', '.join(str(t) for t in missing),
                                       ', '.join(str(g) for g in gvars)))
                tvars = list(gvars)
        cls.__parameters__ = tuple(tvars)


_PROTO_SKIP = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__',
    '__new__', '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__',
    '__parameters__', '__orig_bases__', '__qualname__', '_is_protocol',
    '_is_runtime_protocol', '__protocol_attrs__', '__init_subclass__', '__match_args__',
    '_abc_registry', '_abc_cache', '_abc_negative_cache', '_abc_negative_cache_version',
    '_abc_subclasses'})


def _get_protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = base.__dict__.get('__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith('_abc_') and attr not in _PROTO_SKIP:
                attrs.add(attr)
    return attrs


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    # A concrete class that inherited this from a protocol: find the real
    # __init__ further along the MRO and use it from now on.
    if cls.__init__ is not _no_init_or_replace_init:
        return
    for base in cls.__mro__:
        init = base.__dict__.get('__init__', _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


def _check_runtime_checkable(cls):
    # isinstance() and issubclass() accept no protocol but a
    # @runtime_checkable one.
    if (getattr(cls, '_is_protocol', False)
            and not getattr(cls, '_is_runtime_protocol', False)
            and cls.__name__ != 'Protocol'):
        raise TypeError("Instance and class checks can only be used with "
                        "@runtime_checkable protocols")


class _ProtocolMeta(ABCMeta):
    def __instancecheck__(cls, instance):
        _check_runtime_checkable(cls)
        if getattr(cls, '_is_protocol', False) and cls.__name__ != 'Protocol':
            if all(hasattr(instance, attr)
                   and (not callable(getattr(cls, attr, None))
                        or getattr(instance, attr) is not None)
                   for attr in _get_protocol_attrs(cls)):
                return True
        return super().__instancecheck__(instance)

    def __subclasscheck__(cls, other):
        _check_runtime_checkable(cls)
        return super().__subclasscheck__(other)


def _proto_hook(cls, other):
    # Structural issubclass() for runtime-checkable protocols.
    if not cls.__dict__.get('_is_protocol', False):
        return NotImplemented
    if not isinstance(other, type):
        raise TypeError('issubclass() arg 1 must be a class')
    for attr in _get_protocol_attrs(cls):
        for base in other.__mro__:
            if attr in base.__dict__:
                if base.__dict__[attr] is None:
                    return NotImplemented
                break
            annotations = base.__dict__.get('__annotations__', {})
            if (isinstance(annotations, dict) and attr in annotations
                    and getattr(base, '_is_protocol', False)):
                break
        else:
            return NotImplemented
    return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class of protocol classes (structural types); with
    @runtime_checkable, isinstance() checks that the methods exist.
    """

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = classmethod(_proto_hook)
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init


def runtime_checkable(cls):
    """Class decorator allowing isinstance()/issubclass() with a protocol."""
    if not issubclass(cls, Generic) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, '
                        'got %r' % (cls,))
    cls._is_runtime_protocol = True
    return cls


def _supports(name, method, returns=None):
    # A SupportsX protocol, as a class statement would make it: runtime
    # checkable, with the one abstract method method (annotated as returning
    # returns). SupportsRound, whose method takes an argument, is written out.
    def abstract(self):
        pass
    abstract.__name__ = method
    abstract.__qualname__ = '%s.%s' % (name, method)
    if returns is not None:
        abstract.__annotations__ = {'return': returns}
    namespace = {'__module__': __name__, '__qualname__': name,
                 '__doc__': 'An ABC with one abstract method %s.' % method,
                 '__slots__': (), method: abstractmethod(abstract)}
    return runtime_checkable(_ProtocolMeta(name, (Protocol,), namespace))


SupportsInt = _supports('SupportsInt', '__int__', int)
SupportsFloat = _supports('SupportsFloat', '__float__', float)
SupportsComplex = _supports('SupportsComplex', '__complex__', complex)
SupportsBytes = _supports('SupportsBytes', '__bytes__', bytes)
SupportsIndex = _supports('SupportsIndex', '__index__', int)
SupportsAbs = _supports('SupportsAbs', '__abs__')


@runtime_checkable
class SupportsRound(Protocol):
    """An ABC with one abstract method __round__."""
    __slots__ = ()

    @abstractmethod
    def __round__(self, ndigits: int = 0):
        pass


################################################################################
### The aliases
################################################################################

Hashable = _alias(_abc.Hashable, 0)
Sized = _alias(_abc.Sized, 0)
Iterable = _alias(_abc.Iterable, 1)
Iterator = _alias(_abc.Iterator, 1)
Reversible = _alias(_abc.Reversible, 1)
Container = _alias(_abc.Container, 1)
Collection = _alias(_abc.Collection, 1)
Callable = _CallableType(_abc.Callable, 2)
Callable.__doc__ = """Callable[[arg, ...], result]: a callable taking those arguments."""
AbstractSet = _alias(_abc.Set, 1, name='AbstractSet')
MutableSet = _alias(_abc.MutableSet, 1)
Mapping = _alias(_abc.Mapping, 2)
MutableMapping = _alias(_abc.MutableMapping, 2)
Sequence = _alias(_abc.Sequence, 1)
MutableSequence = _alias(_abc.MutableSequence, 1)
ByteString = _alias(_abc.ByteString, 0)
Generator = _alias(_abc.Generator, 3)
MappingView = _alias(_abc.MappingView, 1)
KeysView = _alias(_abc.KeysView, 1)
ItemsView = _alias(_abc.ItemsView, 2)
ValuesView = _alias(_abc.ValuesView, 1)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, inst=False, name='List')
Deque = _alias(collections.deque, 1, name='Deque')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
Dict = _alias(dict, 2, inst=False, name='Dict')
DefaultDict = _alias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Type = _alias(type, 1, inst=False, name='Type')


def _context_manager_alias():
    import contextlib
    return _alias(contextlib.AbstractContextManager, 1, name='ContextManager')


ContextManager = _context_manager_alias()

Text = str
AnyStr = TypeVar('AnyStr', bytes, str)


################################################################################
### NamedTuple and TypedDict
################################################################################

_PROHIBITED_NT = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                            '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_SPECIAL_NT = frozenset({'__module__', '__name__', '__annotations__'})


def _make_nmtuple(name, types_list, module, defaults=()):
    fields = [n for n, t in types_list]
    annotations = {n: _type_check(t, "field %s annotation must be a type" % (n,))
                   for n, t in types_list}
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = annotations
    try:
        nm_tpl.__new__.__annotations__ = annotations
    except AttributeError:
        pass
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        types_ = ns.get('__annotations__', {})
        default_names = []
        for field_name in types_:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                % (field_name, 's' if len(default_names) > 1 else '',
                                   ', '.join(default_names)))
        nm_tpl = _make_nmtuple(typename, list(types_.items()), module=ns['__module__'],
                               defaults=[ns[n] for n in default_names])
        if '__qualname__' in ns:
            nm_tpl.__qualname__ = ns['__qualname__']
        if '__doc__' in ns and ns['__doc__'] is not None:
            nm_tpl.__doc__ = ns['__doc__']
        for key in ns:
            if key in _PROHIBITED_NT:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _SPECIAL_NT and key not in nm_tpl._fields:
                value = ns[key]
                setattr(nm_tpl, key, value)
                set_name = getattr(type(value), '__set_name__', None)
                if set_name is not None:
                    set_name(value, nm_tpl, key)
        return nm_tpl


# The base that NamedTuple puts in a class statement's bases, so that
# NamedTupleMeta builds the class (made directly: the metaclass would turn
# a class statement into a namedtuple).
_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {'__module__': __name__})


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of namedtuple: class P(NamedTuple) with annotated
    fields (defaults allowed), or NamedTuple('P', [('x', int)]).
    """
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords can be provided to NamedTuple, "
                        "not both")
    return _make_nmtuple(typename, list(fields), module='__main__')


NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type and a '
                                'non-TypedDict base class')
        generic_base = (Generic,) if any(b is Generic for b in bases) else ()
        tp_dict = type.__new__(_TypedDictMeta, name, generic_base + (dict,), ns)
        annotations = {}
        own_annotations = ns.get('__annotations__', {})
        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        own_annotations = {n: _type_check(tp, msg, module=tp_dict.__module__)
                           for n, tp in own_annotations.items()}
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required_keys.update(base.__dict__.get('__required_keys__', ()))
            optional_keys.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own_annotations)
        for key, annotation in own_annotations.items():
            origin = getattr(annotation, '__origin__', None)
            if origin is Required:
                is_required = True
            elif origin is NotRequired:
                is_required = False
            else:
                is_required = total
            if is_required:
                required_keys.add(key)
            else:
                optional_keys.add(key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        if not hasattr(tp_dict, '__total__'):
            tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        # A TypedDict is a plain dict at run time.
        return dict(*args, **kwargs)

    def __instancecheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict type with a fixed set of annotated keys: class syntax
    (class Movie(TypedDict): name: str) or TypedDict('Movie', {'name': str}).
    Instances are plain dicts.
    """
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments, but not both")
    ns = {'__annotations__': dict(fields), '__module__': '__main__'}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {'__module__': __name__})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def is_typeddict(tp):
    """True if tp is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)


################################################################################
### Functions
################################################################################

def cast(typ, val):
    """Return val unchanged; tells a type checker val has type typ."""
    return val


def assert_type(val, typ, /):
    """Return val unchanged; a type checker verifies its type is typ."""
    return val


def assert_never(arg, /):
    """Mark code that must be unreachable; raises if it runs."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError("Expected code to be unreachable, but got: %s" % value)


def reveal_type(obj, /):
    """Print the run-time type of obj to stderr and return obj."""
    print("Runtime type is %r" % (type(obj).__name__,), file=sys.stderr)
    return obj


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


_overload_registry = {}


def overload(func):
    """Decorator for the overload signatures of a function; the last,
    undecorated definition is the implementation.
    """
    f = getattr(func, '__func__', func)
    try:
        key = (f.__module__, f.__qualname__)
        _overload_registry.setdefault(key, []).append(func)
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    """The @overload-decorated definitions of func, in order."""
    f = getattr(func, '__func__', func)
    key = (getattr(f, '__module__', None), getattr(f, '__qualname__', None))
    return list(_overload_registry.get(key, []))


def clear_overloads():
    """Forget every registered overload."""
    _overload_registry.clear()


def final(f):
    """Decorator marking a method that must not be overridden or a class
    that must not be subclassed (checked by type checkers only).
    """
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Decorator: the annotations of arg are not type hints."""
    if isinstance(arg, type):
        for key in dir(arg):
            obj = getattr(arg, key)
            if (not hasattr(obj, '__qualname__')
                    or obj.__qualname__ != '%s.%s' % (arg.__qualname__, obj.__name__)
                    or getattr(obj, '__module__', None) != arg.__module__):
                continue
            if isinstance(obj, types.FunctionType):
                obj.__no_type_check__ = True
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Decorator to give another decorator the @no_type_check effect."""
    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    """Decorator marking an object as providing dataclass-like behaviour."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default,
            "order_default": order_default,
            "kw_only_default": kw_only_default,
            "field_specifiers": field_specifiers,
            "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator


class NewType(_UnionOperand):
    """NewType('UserId', int): a distinct type for checkers; at run time a
    callable returning its argument.
    """

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        # The defining module cannot be found without frames.
        self.__module__ = '__main__'

    def __call__(self, x):
        return x

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(
                    "Cannot subclass an instance of NewType. Perhaps you were looking for: "
                    "`%s = NewType(%r, %s)`" % (subclass_name, subclass_name, superclass_name))
        return (Dummy,)

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __reduce__(self):
        return self.__qualname__


def get_origin(tp):
    """The unsubscripted form of tp: get_origin(List[int]) is list,
    get_origin(Union[int, str]) is Union; None for non-generic types.
    """
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, _GenericAliasType, ParamSpecArgs,
                       ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _UnionType):
        return _UnionType
    return None


def get_args(tp):
    """The arguments of a subscripted type, with Callable's argument list
    as a list: get_args(Callable[[int], str]) == ([int], str).
    """
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _GenericAliasType)):
        res = tp.__args__
        if (isinstance(tp, _CallableGenericAlias)
                or (get_origin(tp) is _abc.Callable and isinstance(tp, _GenericAliasType))):
            if res and res[0] is not Ellipsis:
                res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, _UnionType):
        return tp.__args__
    return ()


def _module_namespace(module_name):
    # kaa's modules have no __dict__: build the namespace from dir().
    module = sys.modules.get(module_name)
    if module is None:
        return {}
    return {name: getattr(module, name) for name in dir(module)}


def _eval_type(t, globalns, localns, recursive_guard=frozenset()):
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard)
    if isinstance(t, (_GenericAlias, _GenericAliasType, _UnionType)):
        args = t.__args__
        if isinstance(t, _GenericAliasType):
            # (list['int']: the strings of a builtin alias are not ForwardRefs yet)
            args = tuple(ForwardRef(a) if isinstance(a, str) else a for a in args)
        new_args = tuple(_eval_type(a, globalns, localns, recursive_guard) for a in args)
        if new_args == t.__args__:
            return t
        if isinstance(t, _GenericAliasType):
            return _GenericAliasType(t.__origin__, new_args)
        if isinstance(t, _UnionType):
            return functools.reduce(lambda a, b: a | b, new_args)
        if isinstance(t, _AnnotatedAlias):
            return _AnnotatedAlias(new_args[0], t.__metadata__)
        return t.copy_with(new_args)
    return t


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, _GenericAlias):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped == t.__args__:
            return t
        return t.copy_with(stripped)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (with its bases'), function or module,
    with string annotations evaluated and None turned into NoneType.
    """
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                base_globals = _module_namespace(getattr(base, '__module__', None))
            else:
                base_globals = globalns
            ann = base.__dict__.get('__annotations__', {})
            if isinstance(ann, types.GetSetDescriptorType):
                ann = {}
            base_locals = dict(base.__dict__) if localns is None else localns
            if localns is None and globalns is None:
                # As CPython does: with neither namespace given, names are
                # looked up in the module first, then in the class.
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                value = _type_convert(value, allow_special_forms=True, is_argument=False)
                hints[name] = _eval_type(value, base_globals, base_locals)
    else:
        if globalns is None:
            if isinstance(obj, types.ModuleType):
                globalns = _module_namespace(obj.__name__)
            else:
                nsobj = obj
                while hasattr(nsobj, '__wrapped__'):
                    nsobj = nsobj.__wrapped__
                globalns = getattr(nsobj, '__globals__', {})
            if localns is None:
                localns = globalns
        elif localns is None:
            localns = globalns
        hints = getattr(obj, '__annotations__', None)
        if hints is None:
            if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType,
                                types.MethodType, types.ModuleType)):
                return {}
            raise TypeError('%r is not a module, class, method, or function.' % (obj,))
        hints = dict(hints)
        for name, value in hints.items():
            value = _type_convert(value, is_argument=not isinstance(obj, types.ModuleType))
            hints[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(t) for k, t in hints.items()}


################################################################################
### IO types
################################################################################

T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)


class IO(Generic[AnyStr]):
    """Generic base class for TextIO and BinaryIO (for annotations)."""

    __slots__ = ()


class BinaryIO(IO[bytes]):
    """Typed version of the return of open() in binary mode."""

    __slots__ = ()


class TextIO(IO[str]):
    """Typed version of the return of open() in text mode."""

    __slots__ = ()
