"""Data classes (CPython 3.11's dataclasses module, written for kaa).

@dataclass reads a class's annotations (in definition order, after those
of dataclass bases) and adds __init__, __repr__, __eq__ and, on request,
ordering, hashing and immutability. The methods are generated as source
text and compiled with exec(), so their signatures and argument errors are
those of ordinary functions ("Point.__init__() missing 1 required
positional argument: 'y'").
"""

import sys
import copy
import abc

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


_GenericAlias = type(list[int])


class FrozenInstanceError(AttributeError):
    """Raised on assignment to a field of a frozen dataclass instance."""


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


# The default of an __init__ parameter whose field has a default_factory.
_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FieldKind:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FieldKind('_FIELD')
_FIELD_CLASSVAR = _FieldKind('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FieldKind('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    """Annotation for an __init__-only pseudo-field: passed to __post_init__,
    never stored.
    """

    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type) and not isinstance(self.type, _GenericAlias):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return 'dataclasses.InitVar[%s]' % type_name

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """What field() returns and fields() lists: one attribute's settings."""

    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else dict(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,'
                'hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%r)'
                % (self.name, self.type, self.default, self.default_factory, self.init,
                   self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                   self._field_type))

    def __set_name__(self, owner, name):
        # A descriptor used as a default gets to know its name too.
        func = getattr(type(self.default), '__set_name__', None)
        if func is not None:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash,
                   self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Describe one field: its default or default_factory (a callable
    making each instance's default), and whether it takes part in
    __init__, __repr__, comparisons and hashing.
    """
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _fields_in_init_order(fields):
    std = tuple(f for f in fields if f.init and not f.kw_only)
    kw = tuple(f for f in fields if f.init and f.kw_only)
    return std, kw


def _tuple_src(obj_name, fields):
    # "(self.a,self.b,)" -- the values compared or hashed, as source text.
    if not fields:
        return '()'
    return '(%s,)' % ','.join('%s.%s' % (obj_name, f.name) for f in fields)


def _create_fn(name, args, body, qualname, namespace, return_type=MISSING):
    namespace = dict(namespace)
    src = 'def %s(%s):\n%s\n' % (name, ', '.join(args),
                                  '\n'.join('    ' + line for line in body))
    exec(src, namespace)
    fn = namespace[name]
    fn.__qualname__ = '%s.%s' % (qualname, name)
    return fn


def _set_new_attribute(cls, name, value):
    # Add value unless the class itself defines name; True if it does.
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _field_assign(frozen, name, value, self_name):
    if frozen:
        return ('__dataclass_builtins_object__.__setattr__(%s, %r, %s)'
                % (self_name, name, value))
    return '%s.%s = %s' % (self_name, name, value)


def _field_init(f, frozen, namespace, self_name):
    default_name = '__dataclass_dflt_%s__' % f.name
    if f.default_factory is not MISSING:
        namespace[default_name] = f.default_factory
        if f.init:
            value = '%s() if %s is __dataclass_HAS_DEFAULT_FACTORY__ else %s' % (
                default_name, f.name, f.name)
        else:
            value = '%s()' % default_name
    elif f.init:
        if f.default is not MISSING:
            namespace[default_name] = f.default
        value = f.name
    else:
        # Neither passed in nor made: the class attribute is the default.
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _field_assign(frozen, f.name, value, self_name)


def _init_param(f):
    if f.default is MISSING and f.default_factory is MISSING:
        return f.name
    if f.default is not MISSING:
        return '%s=__dataclass_dflt_%s__' % (f.name, f.name)
    return '%s=__dataclass_HAS_DEFAULT_FACTORY__' % f.name


def _make_init(cls, fields, std_fields, kw_fields, frozen, has_post_init, self_name):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError('non-default argument %r follows default argument' % f.name)
    namespace = {'__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
                 '__dataclass_builtins_object__': object}
    body = []
    for f in fields:
        line = _field_init(f, frozen, namespace, self_name)
        if line:
            body.append(line)
    if has_post_init:
        params = ','.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append('%s.%s(%s)' % (self_name, _POST_INIT_NAME, params))
    if not body:
        body = ['pass']
    args = [self_name] + [_init_param(f) for f in std_fields]
    if kw_fields:
        args += ['*'] + [_init_param(f) for f in kw_fields]
    fn = _create_fn('__init__', args, body, cls.__qualname__, namespace)
    annotations = {f.name: f.type for f in std_fields + kw_fields}
    annotations['return'] = None
    fn.__annotations__ = annotations
    return fn


def _make_repr(cls, fields):
    parts = ', '.join('%s={self.%s!r}' % (f.name, f.name) for f in fields)
    running = set()
    namespace = {'__dataclass_repr_running__': running}
    body = ['key = id(self)',
            'if key in __dataclass_repr_running__:',
            "    return '...'",
            '__dataclass_repr_running__.add(key)',
            'try:',
            '    return self.__class__.__qualname__ + f"(%s)"' % parts,
            'finally:',
            '    __dataclass_repr_running__.discard(key)']
    return _create_fn('__repr__', ['self'], body, cls.__qualname__, namespace)


def _make_compare(cls, name, op, fields):
    body = ['if other.__class__ is self.__class__:',
            '    return %s %s %s' % (_tuple_src('self', fields), op,
                                     _tuple_src('other', fields)),
            'return NotImplemented']
    return _create_fn(name, ['self', 'other'], body, cls.__qualname__, {})


def _make_hash(cls, fields):
    body = ['return hash(%s)' % _tuple_src('self', fields)]
    return _create_fn('__hash__', ['self'], body, cls.__qualname__, {})


def _make_frozen_methods(cls, fields):
    namespace = {'cls': cls, 'FrozenInstanceError': FrozenInstanceError}
    names = '(%s)' % ''.join('%r,' % f.name for f in fields) if fields else '()'
    setattr_fn = _create_fn('__setattr__', ['self', 'name', 'value'], [
        'if type(self) is cls or name in %s:' % names,
        '    raise FrozenInstanceError(f"cannot assign to field {name!r}")',
        'super(cls, self).__setattr__(name, value)'], cls.__qualname__, namespace)
    delattr_fn = _create_fn('__delattr__', ['self', 'name'], [
        'if type(self) is cls or name in %s:' % names,
        '    raise FrozenInstanceError(f"cannot delete field {name!r}")',
        'super(cls, self).__delattr__(name)'], cls.__qualname__, namespace)
    return setattr_fn, delattr_fn


def _string_refers_to(annotation, cls, module, predicate):
    # A string annotation "X[...]" or "mod.X[...]" counts when X, looked up
    # in the module that defines cls (through mod, which must be module),
    # satisfies predicate -- CPython's rule for "ClassVar" and "InitVar".
    text = annotation.lstrip()
    i = 0
    while i < len(text) and (text[i].isalnum() or text[i] == '_'):
        i += 1
    first, rest = text[:i], text[i:].lstrip()
    if not first:
        return False
    home = sys.modules.get(cls.__module__)
    if home is None:
        return False
    if rest.startswith('.'):
        rest = rest[1:].lstrip()
        j = 0
        while j < len(rest) and (rest[j].isalnum() or rest[j] == '_'):
            j += 1
        name = rest[:j]
        if not name or getattr(home, first, None) is not module:
            return False
    else:
        name = first
    return predicate(getattr(home, name, None))


def _is_classvar(a_type):
    typing = sys.modules.get('typing')
    if typing is None:
        return False
    classvar = getattr(typing, 'ClassVar', None)
    return a_type is classvar or getattr(a_type, '__origin__', None) is classvar


def _is_initvar(a_type):
    return a_type is InitVar or type(a_type) is InitVar


def _field_kind(cls, a_type):
    typing = sys.modules.get('typing')
    if typing is not None:
        if _is_classvar(a_type) or (isinstance(a_type, str) and _string_refers_to(
                a_type, cls, typing, _is_classvar)):
            return _FIELD_CLASSVAR
    if _is_initvar(a_type) or (isinstance(a_type, str) and _string_refers_to(
            a_type, cls, sys.modules[__name__], _is_initvar)):
        return _FIELD_INITVAR
    return _FIELD


def _is_kw_only_marker(a_type):
    if isinstance(a_type, str):
        return a_type.strip() in ('KW_ONLY', 'dataclasses.KW_ONLY')
    return a_type is KW_ONLY


def _unhashable_type(cls):
    # CPython's test for a mutable default: the class sets __hash__ to None.
    return cls.__hash__ is None


def _get_field(cls, name, a_type, default_kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if type(default).__name__ == 'member_descriptor':
            # A __slots__ entry of the class, not a default value.
            default = MISSING
        f = field(default=default)
    f.name = name
    f.type = a_type
    f._field_type = _field_kind(cls, a_type)
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % f.name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only' % f.name)
    if f._field_type is _FIELD and _unhashable_type(type(f.default)):
        raise ValueError('mutable default %s for field %s is not allowed: use '
                         'default_factory' % (type(f.default), f.name))
    return f


# What to do about __hash__, by (unsafe_hash, eq, frozen, has_explicit_hash):
# None (leave it), 'none' (set it to None), 'add', or 'raise'.
def _hash_action(unsafe_hash, eq, frozen, explicit):
    if unsafe_hash:
        return 'raise' if explicit else 'add'
    if not eq or explicit:
        return None
    return 'add' if frozen else 'none'


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                   slots, weakref_slot):
    fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(base, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    kw_only_now = kw_only
    seen_marker = False
    for name, a_type in cls_annotations.items():
        if _is_kw_only_marker(a_type):
            if seen_marker:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already been specified'
                                % name)
            seen_marker = True
            kw_only_now = True
        else:
            cls_fields.append(_get_field(cls, name, a_type, kw_only_now))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError('%r is a field but has no type annotation' % name)

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None and '__eq__' in cls.__dict__))
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_fields, kw_fields = _fields_in_init_order(all_init_fields)
    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        _set_new_attribute(cls, '__init__',
                           _make_init(cls, all_init_fields, std_fields, kw_fields, frozen,
                                      has_post_init, self_name))
    if repr:
        _set_new_attribute(cls, '__repr__', _make_repr(cls, [f for f in field_list if f.repr]))
    compared = [f for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__', _make_compare(cls, '__eq__', '==', compared))
    if order:
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if _set_new_attribute(cls, name, _make_compare(cls, name, op, compared)):
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider using '
                                'functools.total_ordering' % (name, cls.__name__))
    if frozen:
        for fn in _make_frozen_methods(cls, field_list):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (fn.__name__, cls.__name__))

    action = _hash_action(bool(unsafe_hash), bool(eq), bool(frozen), has_explicit_hash)
    if action == 'none':
        cls.__hash__ = None
    elif action == 'add':
        hashed = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
        cls.__hash__ = _make_hash(cls, hashed)
    elif action == 'raise':
        raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)

    if not getattr(cls, '__doc__'):
        cls.__doc__ = cls.__name__ + _signature_text(std_fields, kw_fields)
    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_fields))
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)
    abc.update_abstractmethods(cls)
    return cls


def _annotation_text(annotation):
    # As inspect.formatannotation writes an annotation in a signature.
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, _GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return '%s.%s' % (annotation.__module__, annotation.__qualname__)
    return repr(annotation)


def _signature_text(std_fields, kw_fields):
    def param(f):
        text = '%s: %s' % (f.name, _annotation_text(f.type))
        if f.default is not MISSING:
            text += ' = %r' % (f.default,)
        elif f.default_factory is not MISSING:
            text += ' = <factory>'
        return text
    params = [param(f) for f in std_fields]
    if kw_fields:
        params.append('*')
        params += [param(f) for f in kw_fields]
    return '(%s)' % ', '.join(params)


def _add_slots(cls, is_frozen, weakref_slot):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        slots = base.__dict__.get('__slots__')
        if isinstance(slots, str):
            inherited.add(slots)
        elif slots is not None:
            inherited.update(slots)
    wanted = field_names + (('__weakref__',) if weakref_slot else ())
    cls_dict['__slots__'] = tuple(n for n in wanted if n not in inherited)
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Add __init__, __repr__, __eq__ (and, as asked, __lt__ and friends,
    __hash__, frozen __setattr__/__delattr__) built from the annotated
    class attributes. Usable as @dataclass or @dataclass(...).
    """
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass or instance, in order (ClassVar and
    InitVar pseudo-fields excluded).
    """
    try:
        all_fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in all_fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """True for a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """Convert a dataclass instance to a dict, recursing into dataclasses,
    lists, tuples and dicts; other values are deep-copied.
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    return _copy_container(obj, lambda v: _asdict_inner(v, dict_factory))


def _copy_container(obj, inner):
    # What asdict() and astuple() make of a value that is not a dataclass
    # instance: a namedtuple, list, tuple or dict of the same type with
    # inner() applied to each item (and dict key); anything else deep-copied.
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[inner(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(inner(v) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((inner(k), inner(v)) for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Convert a dataclass instance to a tuple of its field values,
    recursing like asdict().
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    return _copy_container(obj, lambda v: _astuple_inner(v, tuple_factory))


def replace(obj, /, **changes):
    """A new instance like obj with some fields changed: calls __init__
    (and so __post_init__) with the old values plus the changes.
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be '
                                 'specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False, module=None):
    """Create a dataclass named cls_name; fields holds names, (name, type)
    or (name, type, Field) items.
    """
    namespace = {} if namespace is None else dict(namespace)
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r' % (name,))
        if name in seen:
            raise TypeError('Field name duplicated: %r' % (name,))
        seen.add(name)
        annotations[name] = tp
    namespace.update(defaults)
    namespace['__annotations__'] = annotations
    namespace.setdefault('__module__', module if module is not None else '__main__')
    cls = type(cls_name, bases, namespace)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
