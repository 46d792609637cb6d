"""Abstract base classes (CPython's abc module, written for kaa).

ABCMeta is a metaclass that records which methods of a class are still
abstract (in __abstractmethods__) and refuses to instantiate such a class.
It also keeps a registry of "virtual subclasses", so isinstance() and
issubclass() answer True for classes registered with register() or
accepted by a __subclasshook__.

kaa differences, handled here: the abstract check lives in ABCMeta.__call__
(CPython does it in object.__new__); property, classmethod and staticmethod
objects do not report __isabstractmethod__ themselves, so _is_abstract()
looks through them; type has no __subclasses__(), so each ABC keeps weak
references to its direct subclasses.
"""

from _weakref import ref as _ref
from weakref import WeakSet as _WeakSet

__all__ = ['ABCMeta', 'ABC', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token',
           'update_abstractmethods']


def abstractmethod(funcobj):
    """Mark a method abstract: a class that has it (and does not override it)
    cannot be instantiated when its metaclass is ABCMeta.
    """
    funcobj.__isabstractmethod__ = True
    return funcobj


class _AbstractWrapper:
    # What abstractclassmethod and abstractstaticmethod add to the wrapper
    # they derive from: both it and the wrapped function are abstract.
    __slots__ = ()

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractclassmethod(_AbstractWrapper, classmethod):
    """Deprecated: use classmethod stacked on abstractmethod."""


class abstractstaticmethod(_AbstractWrapper, staticmethod):
    """Deprecated: use staticmethod stacked on abstractmethod."""


class abstractproperty(property):
    """Deprecated: use property stacked on abstractmethod."""

    __isabstractmethod__ = True


def _is_abstract(value):
    # CPython's property, classmethod and staticmethod answer
    # __isabstractmethod__ from the functions they wrap; kaa's do not, so
    # the wrapped functions are asked here.
    flag = getattr(value, '__isabstractmethod__', None)
    if flag is not None:
        return bool(flag)
    if isinstance(value, property):
        for fn in (value.fget, value.fset, value.fdel):
            if getattr(fn, '__isabstractmethod__', False):
                return True
        return False
    if isinstance(value, (classmethod, staticmethod)):
        return bool(getattr(value.__func__, '__isabstractmethod__', False))
    return False


# Bumped by every register(), so that negative caches can tell they are stale.
_invalidation_counter = 0


def get_cache_token():
    """Return a token that changes whenever an ABC registers a class."""
    return _invalidation_counter


def _compute_abstracts(cls, namespace_items, bases):
    # The names still abstract in cls: those of namespace_items (the class's
    # own attributes) that are abstract, and those abstract in a base that
    # cls has not overridden with something concrete.
    abstracts = set()
    for name, value in namespace_items:
        if _is_abstract(value):
            abstracts.add(name)
    for base in bases:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for abstract base classes.

    Classes made with it can register unrelated concrete classes (and ABCs)
    as virtual subclasses; those are accepted by isinstance() and
    issubclass() but do not see the ABC in their MRO.
    """

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace.items(), bases)
        cls._abc_registry = _WeakSet()
        cls._abc_cache = _WeakSet()
        cls._abc_negative_cache = _WeakSet()
        cls._abc_negative_cache_version = _invalidation_counter
        cls._abc_subclasses = []
        for base in bases:
            subs = base.__dict__.get('_abc_subclasses')
            if subs is not None:
                subs.append(_ref(cls))
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = getattr(cls, '__abstractmethods__', None)
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, 's' if len(names) > 1 else '',
                               ', '.join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register subclass as a virtual subclass of this ABC and return it,
        so that register can be used as a class decorator.
        """
        global _invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.add(subclass)
        _invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        if subclass in cls._abc_cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (cls._abc_negative_cache_version == _invalidation_counter
                    and subclass in cls._abc_negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if subclass in cls._abc_cache:
            return True
        if cls._abc_negative_cache_version < _invalidation_counter:
            cls._abc_negative_cache = _WeakSet()
            cls._abc_negative_cache_version = _invalidation_counter
        elif subclass in cls._abc_negative_cache:
            return False
        hook = getattr(cls, '__subclasshook__', None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            if ok:
                cls._abc_cache.add(subclass)
            else:
                cls._abc_negative_cache.add(subclass)
            return ok
        if cls in subclass.__mro__:
            cls._abc_cache.add(subclass)
            return True
        for rcls in cls._abc_registry:
            if issubclass(subclass, rcls):
                cls._abc_cache.add(subclass)
                return True
        for wr in list(cls._abc_subclasses):
            scls = wr()
            if scls is None:
                cls._abc_subclasses.remove(wr)
                continue
            if issubclass(subclass, scls):
                cls._abc_cache.add(subclass)
                return True
        cls._abc_negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Debug helper: print the ABC's registry and caches."""
        print("Class: %s.%s" % (cls.__module__, cls.__qualname__), file=file)
        print("Inv. counter: %s" % get_cache_token(), file=file)
        print("_abc_registry: %r" % set(cls._abc_registry), file=file)
        print("_abc_cache: %r" % set(cls._abc_cache), file=file)
        print("_abc_negative_cache: %r" % set(cls._abc_negative_cache), file=file)
        print("_abc_negative_cache_version: %r" % cls._abc_negative_cache_version,
              file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_registry = _WeakSet()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_cache = _WeakSet()
        cls._abc_negative_cache = _WeakSet()


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added to or
    removed from an abstract class after it was created. Returns cls.
    """
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    cls.__abstractmethods__ = _compute_abstracts(cls, cls.__dict__.items(), cls.__bases__)
    return cls


def _check_methods(C, *methods):
    # True if C's MRO defines every one of methods (none set to None), else
    # NotImplemented: the usual __subclasshook__ test of a one-protocol ABC
    # (AbstractContextManager in contextlib, the collections.abc stand-ins
    # in typing).
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class ABC(metaclass=ABCMeta):
    """Helper base: subclassing ABC is the same as using metaclass=ABCMeta."""

    __slots__ = ()
