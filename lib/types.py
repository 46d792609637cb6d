"""Names for the types of kaa's built-in objects, as in CPython's types module.

Each name is taken from an object of that type, so it is exactly the type
kaa uses. A few of CPython's are missing: kaa has no coroutines or async
generators, no method-wrapper type (bound slot wrappers are
ordinary bound methods) and no mappingproxy (a class's __dict__ is its dict).
"""
import sys


def _f():
    pass


def _g():
    yield 1


class _C:
    __slots__ = ('_a', '__dict__')

    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
CellType = type((lambda x: lambda: x)(0).__closure__[0])
GeneratorType = type(_g())
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
ModuleType = type(sys)
FrameType = type(sys._getframe())
GetSetDescriptorType = type(_C.__dict__['__dict__'])
MemberDescriptorType = type(_C.__dict__['_a'])

try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)

GenericAlias = type(list[int])
UnionType = type(int | str)
EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
SimpleNamespace = type(sys.implementation)

del _f, _g, _C, sys


def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass."""
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        for base in bases:
            t = type(base)
            if issubclass(meta, t):
                continue
            if issubclass(t, meta):
                meta = t
                continue
            raise TypeError("metaclass conflict: the metaclass of a derived class must "
                            "be a (non-strict) subclass of the metaclasses of all its bases")
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)
