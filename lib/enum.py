"""Enumerations (CPython 3.11's enum module, written for kaa).

An enum class is made by the metaclass EnumType: the class body runs in an
_EnumDict, which records the names that become members (in definition
order) and fills in auto() values. EnumType.__new__ turns each such name
into a member, an instance of the new class, while type.__new__ runs: the
values are wrapped in _Pending placeholders whose __set_name__ builds the
member, so __init_subclass__ already sees them.

Provided: Enum, IntEnum, StrEnum, ReprEnum, Flag, IntFlag, FlagBoundary
(STRICT, CONFORM, EJECT, KEEP), auto, unique, member, nonmember, property,
and the functional API (Enum('Color', 'RED GREEN')). Not provided: verify,
global_enum, pickling helpers, and the DeprecationWarnings of 3.11 (kaa has
no warnings module).
"""

import sys

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique', 'property', 'FlagBoundary', 'STRICT',
           'CONFORM', 'EJECT', 'KEEP', 'member', 'nonmember']

_builtin_property = property

# Enum and Flag do not exist while their own classes are being built; the
# metaclass checks these names to know it is bootstrapping.
Enum = Flag = ReprEnum = None
STRICT = CONFORM = EJECT = KEEP = None


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(cls_name, name):
    # A name mangled inside the class body: _Cls__name, not ending in __.
    prefix = '_%s__' % cls_name
    return (len(name) > len(prefix) and name.startswith(prefix)
            and not name.endswith('__'))


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _bits_low_first(num):
    # Yield the set bits of a non-negative int, lowest first, as values.
    while num:
        low = num & -num
        yield low
        num ^= low


def _bin(num, max_bits=None):
    # Two's-complement binary as "0b0 0101" (sign digit, then the digits),
    # padded to max_bits with the sign digit.
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        text = bin(num + ceiling).replace('1', '0', 1)
    else:
        text = bin(~num ^ (ceiling - 1) + ceiling)
    sign, digits = text[:3], text[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Placeholder value: the enum supplies it with _generate_next_value_."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class member:
    """Forces a value (such as a function) to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps a value from becoming a member."""

    def __init__(self, value):
        self.value = value


class property(_builtin_property):
    """A property for enum members that, looked up on the enum class itself,
    gives the member of that name instead (so members may be called 'name'
    or 'value').
    """

    name = None
    clsname = None

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__

    def __get__(self, instance, ownerclass=None):
        if instance is None or self.fget is None:
            try:
                return ownerclass._member_map_[self.name]
            except KeyError:
                raise AttributeError('%r has no attribute %r'
                                     % (ownerclass, self.name)) from None
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("<enum %r> cannot set attribute %r"
                                 % (self.clsname, self.name))
        return self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("<enum %r> cannot delete attribute %r"
                                 % (self.clsname, self.name))
        return self.fdel(instance)


class _MembersView(dict):
    """The read-only mapping returned by Enum.__members__."""

    def __repr__(self):
        return 'mappingproxy(%s)' % dict.__repr__(self)

    def __str__(self):
        return dict.__repr__(self)

    def _readonly(self, *args, **kwargs):
        raise TypeError("'mappingproxy' object does not support item assignment")

    __setitem__ = __delitem__ = _readonly
    clear = pop = popitem = setdefault = update = _readonly


class _EnumDict(dict):
    """The namespace of an enum class body: remembers member names in order,
    rejects reused names and reserved _sunder_ names, resolves auto().
    """

    def __init__(self, cls_name):
        super().__init__()
        self._cls_name = cls_name
        self._member_names = []
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key not in ('_order_', '_generate_next_value_', '_numeric_repr_',
                           '_missing_', '_ignore_', '_iter_member_',
                           '_iter_member_by_value_', '_iter_member_by_def_'):
                raise ValueError('_sunder_ names, such as %r, are reserved for future '
                                 'Enum use' % (key,))
            if key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError("_generate_next_value_ must be defined before members")
                self._generate_next_value = (value.__func__ if isinstance(value, staticmethod)
                                             else value)
            elif key == '_ignore_':
                names = value.replace(',', ' ').split() if isinstance(value, str) else list(value)
                already = set(names) & set(self._member_names)
                if already:
                    raise ValueError('_ignore_ cannot specify already set names: %r'
                                     % (already,))
                self._ignore = names
                value = names
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            value = self._resolve_auto(key, value)
            self._member_names.append(key)
        super().__setitem__(key, value)

    def _resolve_auto(self, key, value):
        # auto() may stand alone or inside a plain tuple of values.
        single = isinstance(value, auto)
        parts = (value,) if single else value
        if type(parts) is not tuple or not any(isinstance(v, auto) for v in parts):
            self._last_values.append(value)
            return value
        resolved = []
        for v in parts:
            if isinstance(v, auto):
                if v.value is _auto_null:
                    v.value = self._generate_next_value(
                        key, 1, len(self._member_names), self._last_values[:])
                    self._auto_called = True
                v = v.value
                self._last_values.append(v)
            resolved.append(v)
        return resolved[0] if single else tuple(resolved)

    def update(self, members=(), **more):
        items = members.items() if hasattr(members, 'items') else members
        for name, value in items:
            self[name] = value
        for name, value in more.items():
            self[name] = value


class _Pending:
    """Stands in the class namespace for a future member; type.__new__
    calls __set_name__, which replaces it by the real member.
    """

    def __init__(self, value):
        self.value = value

    def __set_name__(self, enum_class, name):
        type.__delattr__(enum_class, name)
        _add_member(enum_class, name, self.value)


def _member_by_value(enum_class, value):
    # The member (or alias target) with that value, or None; an unhashable
    # value is compared with each member's in turn.
    try:
        return enum_class._value2member_map_.get(value)
    except TypeError:
        for candidate in enum_class._member_map_.values():
            if candidate._value_ == value:
                return candidate
    return None


def _add_member(enum_class, name, value):
    args = value if isinstance(value, tuple) else (value,)
    if enum_class._member_type_ is tuple:
        args = (args,)
    if enum_class._use_args_:
        new_member = enum_class._new_member_(enum_class, *args)
    else:
        new_member = enum_class._new_member_(enum_class)
    if not hasattr(new_member, '_value_'):
        if enum_class._member_type_ is object:
            new_member._value_ = value
        else:
            try:
                new_member._value_ = enum_class._member_type_(*args)
            except Exception as exc:
                raise TypeError('_value_ not set in __new__, unable to create it') from exc
    value = new_member._value_
    new_member._name_ = name
    new_member.__objclass__ = enum_class
    new_member.__init__(*args)
    new_member._sort_order_ = len(enum_class._member_names_)

    is_flag = Flag is not None and issubclass(enum_class, Flag)
    if is_flag:
        enum_class._flag_mask_ |= value
        if _is_single_bit(value):
            enum_class._singles_mask_ |= value
        enum_class._all_bits_ = 2 ** enum_class._flag_mask_.bit_length() - 1

    # An earlier member with an equal value makes this name an alias of it.
    canonical = _member_by_value(enum_class, value)
    if canonical is not None:
        new_member = canonical
    elif not is_flag or _is_single_bit(value):
        # Multi-bit flags are not listed (iterated) either, only looked up.
        enum_class._member_names_.append(name)

    # A member named like a property of a base (name, value, ...) stays
    # reachable through that property's class-level lookup instead.
    shadowed = False
    for base in enum_class.__mro__[1:]:
        if name in base.__dict__:
            shadowed = isinstance(base.__dict__[name], _builtin_property)
            break
    if not shadowed:
        type.__setattr__(enum_class, name, new_member)
    enum_class._member_map_[name] = new_member
    try:
        enum_class._value2member_map_.setdefault(value, new_member)
    except TypeError:
        enum_class._unhashable_values_.append(value)


class EnumType(type):
    """Metaclass of every enum: makes members, looks them up by value
    (Color(1)) and by name (Color['RED']), iterates over them in definition
    order and refuses to rebind them.
    """

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        namespace = _EnumDict(cls)
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            namespace['_generate_next_value_'] = getattr(first_enum, '_generate_next_value_',
                                                         None)
        return namespace

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if _simple:
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        ignore = classdict.get('_ignore_', [])
        for key in list(ignore) + ['_ignore_']:
            dict.pop(classdict, key, None)
        member_names = list(classdict._member_names)
        bad = [n for n in member_names if n in ('mro', '')]
        if bad:
            raise ValueError('invalid enum member name(s) %s'
                             % ','.join(repr(n) for n in bad))
        order = dict.pop(classdict, '_order_', None)
        body = dict(classdict.items())

        member_type, first_enum = metacls._get_mixins_(cls, bases)
        new_member, save_new, use_args = metacls._find_new_(body, member_type, first_enum)
        body['_new_member_'] = new_member
        body['_use_args_'] = use_args
        for name in member_names:
            body[name] = _Pending(body[name])
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type
        body['_value_repr_'] = metacls._find_data_repr_(cls, bases)
        body['_boundary_'] = boundary or getattr(first_enum, '_boundary_', None)
        body['_flag_mask_'] = 0
        body['_singles_mask_'] = 0
        body['_all_bits_'] = 0
        body['_inverted_'] = None
        try:
            enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        except RuntimeError as exc:
            # CPython reports an error in __set_name__ as a RuntimeError
            # caused by it; raise the original.
            if exc.__cause__ is not None:
                raise exc.__cause__
            raise

        def own(name):
            # Asked afresh each time: kaa's cls.__dict__ is a snapshot.
            return name in enum_class.__dict__

        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data type '
                                '(i.e. int, str, float, etc.)')
            if not own('__format__'):
                type.__setattr__(enum_class, '__format__', member_type.__format__)
            if not own('__str__'):
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, '__str__', method)
        for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
            if not own(name):
                # (kaa's object has no __reduce_ex__, hence the defaults)
                found = getattr(enum_class, name, None)
                if (found == getattr(member_type, name, None)
                        or found == getattr(object, name, None)):
                    type.__setattr__(enum_class, name, getattr(first_enum, name))
        if Flag is not None and issubclass(enum_class, Flag):
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__',
                         '__rxor__', '__invert__'):
                if not own(name):
                    type.__setattr__(enum_class, name, Flag.__dict__[name])
        if Enum is not None:
            if save_new:
                type.__setattr__(enum_class, '__new_member__', body['__new__'])
            type.__setattr__(enum_class, '__new__', Enum.__new__)

        if isinstance(order, str):
            order = order.replace(',', ' ').split()
        if (cls != 'Flag') if Flag is None else not issubclass(enum_class, Flag):
            # Not a flag (Flag itself is being made when Flag is None).
            for name in ('_boundary_', '_flag_mask_', '_singles_mask_', '_all_bits_',
                         '_inverted_'):
                type.__delattr__(enum_class, name)
        else:
            values = [m._value_ for m in enum_class]
            if values != sorted(values):
                type.__setattr__(enum_class, '_iter_member_',
                                 enum_class._iter_member_by_def_)
            if order:
                order = [o for o in order if o not in enum_class._member_map_
                         or _is_single_bit(enum_class._member_map_[o]._value_)]
        if order:
            order = [o for o in order if o not in enum_class._member_map_
                     or o in enum_class._member_names_]
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    def __bool__(cls):
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        """Color(value) returns the member with that value; Enum('Name',
        names) creates a new enum class (the functional API).
        """
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def __contains__(cls, value):
        if not isinstance(value, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(value).__qualname__, type(cls).__qualname__))
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        members = cls._member_map_
        return (members[name] for name in cls._member_names_)

    def __reversed__(cls):
        members = cls._member_map_
        return (members[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        """Name -> member, aliases included, as a read-only mapping."""
        return _MembersView(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __dir__(cls):
        # (CPython lists __init_subclass__ always: it compares bound
        # methods by identity.)
        names = {'__class__', '__contains__', '__doc__', '__getitem__', '__init_subclass__',
                 '__iter__', '__len__', '__members__', '__module__', '__name__',
                 '__qualname__'}
        names.update(cls._member_names_)
        if cls._new_member_ is not object.__new__:
            names.add('__new__')
        if cls._member_type_ is not object:
            names.update(dir(cls._member_type_))
        return sorted(names)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        first_enum = metacls._get_mixins_(class_name, bases)[1]
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            pairs = []
            last_values = []
            for count, name in enumerate(names):
                value = first_enum._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                pairs.append((name, value))
            names = pairs
        if names is None:
            names = ()
        for item in names:
            if isinstance(item, str):
                classdict[item] = names[item]
            else:
                classdict[item[0]] = item[1]
        if module is None:
            getframe = getattr(sys, '_getframe', None)
            if getframe is not None:
                try:
                    module = getframe(2).f_globals['__name__']
                except (AttributeError, ValueError, KeyError):
                    pass
        if module is not None:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError("<enum %r> cannot extend %r" % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        # (data type of the members, the enum class whose behaviour is used)
        if not bases:
            return object, Enum
        mcls._check_for_existing_members_(class_name, bases)
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        return mcls._find_data_type_(class_name, bases) or object, first_enum

    @classmethod
    def _find_data_repr_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    return base._value_repr_
                if '__repr__' in base.__dict__:
                    return base.__dict__['__repr__']
        return None

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
        # The data type is the first class along each base's MRO that has
        # its own __new__ (or is a dataclass); plain mixins before it give
        # way to it.
        found = []
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        if base._member_type_ not in found:
                            found.append(base._member_type_)
                        break
                elif '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                    data_type = candidate or base
                    if data_type not in found:
                        found.append(data_type)
                    break
                else:
                    candidate = candidate or base
        if len(found) > 1:
            raise TypeError('too many data types for %r: %r' % (class_name, set(found)))
        return found[0] if found else None

    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        # (the __new__ that makes members, whether to save it as
        # __new_member__, whether it takes the member's value as arguments)
        new = classdict.get('__new__')
        save_new = first_enum is not None and new is not None
        if new is None:
            skip = [None, None.__new__, object.__new__]
            if Enum is not None:
                skip.append(Enum.__new__)
            for method in ('__new_member__', '__new__'):
                for possible in (member_type, first_enum):
                    target = getattr(possible, method, None)
                    if not any(target is s or target == s for s in skip):
                        new = target
                        break
                if new is not None:
                    break
            else:
                new = object.__new__
        use_args = not (first_enum is None or new is object.__new__ or new == object.__new__
                        or (Enum is not None and new is Enum.__new__))
        return new, save_new, use_args


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Base class of enumerations: a fixed set of named members, each an
    instance of the class with a name and a value.
    """

    def __new__(cls, value):
        # Members are made when the class is; calling the class looks one up.
        if type(value) is cls:
            return value
        found = _member_by_value(cls, value)
        if found is not None:
            return found
        if not cls._member_map_:
            raise TypeError("%r has no members defined" % cls)
        try:
            result = cls._missing_(value)
            error = None
        except Exception as exc:
            result = None
            error = exc
        if isinstance(result, cls):
            return result
        if (Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT
                and isinstance(result, int)):
            return result
        invalid = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if result is None and error is None:
            raise invalid
        if error is None:
            error = TypeError('error in %s._missing_: returned %r instead of None or a '
                              'valid member' % (cls.__name__, result))
        if not isinstance(error, ValueError):
            error.__context__ = invalid
        raise error

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        """Value for auto(): one more than the largest value so far."""
        if not last_values:
            return start
        try:
            biggest = max(last_values)
        except TypeError:
            for v in reversed(last_values):
                try:
                    return v + 1
                except TypeError:
                    pass
            return start
        try:
            return biggest + 1
        except TypeError:
            return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __dir__(self):
        names = {'__class__', '__doc__', '__eq__', '__hash__', '__module__'}
        if self.__class__._member_type_ is not object:
            names.update(object.__dir__(self))
        for name in getattr(self, '__dict__', ()):
            if name[0] != '_' and name not in self._member_map_:
                names.add(name)
        for cls in self.__class__.__mro__:
            for name in cls.__dict__:
                if name[0] != '_' and name not in self._member_map_:
                    names.add(name)
        names.update(('name', 'value'))
        return sorted(names)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """An enum whose str() and format() are those of its data type; only
    repr() shows the enum.
    """


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """Enum whose members are also strs; auto() gives the lower-cased name."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError('encoding must be a string, not %r' % (values[1],))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError('errors must be a string, not %r' % (values[2]))
        value = str(*values)
        obj = str.__new__(cls, value)
        obj._value_ = value
        return obj

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


_FLAG_BOUNDARY_DOC = """What a Flag does with a value that has bits no member has:
    STRICT raises ValueError (Flag's default), CONFORM drops them, EJECT
    returns a plain int, KEEP keeps them (IntFlag's default).
    """


class FlagBoundary(StrEnum):
    __doc__ = _FLAG_BOUNDARY_DOC
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()

del _FLAG_BOUNDARY_DOC


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """Enum whose members combine with |, & and ^ and invert with ~.
    Combinations are members too (made on demand), named like 'R|W'.
    """

    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        """Value for auto(): the next power of two."""
        if not count:
            return start if start is not None else 1
        biggest = max(last_values)
        try:
            high = biggest.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % biggest) from None
        return 2 ** (high + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        members = cls._value2member_map_
        for bit in _bits_low_first(value & cls._flag_mask_):
            yield members.get(bit)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        yield from sorted(cls._iter_member_by_value_(value), key=lambda m: m._sort_order_)

    @classmethod
    def _missing_(cls, value):
        # Build (and remember) the pseudo-member for a combination of bits.
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        singles = cls._singles_mask_
        all_bits = cls._all_bits_
        negative = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            boundary = cls._boundary_
            if boundary is STRICT:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                                 % (cls, value, _bin(value, width), _bin(flag_mask, width)))
            if boundary is CONFORM:
                value &= flag_mask
            elif boundary is EJECT:
                return value
            elif boundary is KEEP:
                if value < 0:
                    value += max(all_bits + 1, 2 ** value.bit_length())
            else:
                raise ValueError('%r unknown flag boundary %r' % (cls, boundary))
        if value < 0:
            negative = value
            value += all_bits + 1
        unknown = value & ~flag_mask
        multi = value & ~singles
        known = value & singles
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, _bin(unknown)))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, '_value_'):
            pseudo._value_ = value
        pseudo._name_ = None
        if known or multi:
            parts = list(cls._iter_member_(known))
            combined = 0
            for m in parts:
                combined |= m._value_
            if multi:
                value = known | multi
                for m in cls._member_map_.values():
                    if m not in parts and m._value_ and m._value_ & value == m._value_:
                        parts.append(m)
                        combined |= m._value_
            unknown = value ^ combined
            if combined:
                if unknown and cls._boundary_ is STRICT:
                    raise ValueError('%r: no members with value %r' % (cls, unknown))
                pseudo._name_ = '|'.join(m._name_ for m in parts)
                if unknown:
                    pseudo._name_ += '|%s' % cls._numeric_repr_(unknown)
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if negative is not None:
            cls._value2member_map_[negative] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return None

    def __or__(self, other):
        other = self._other_value(other)
        if other is None:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._other_value(other)
        if other is None:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._other_value(other)
        if other is None:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                self._inverted_ = self.__class__(~self._value_)
            else:
                self._inverted_ = self.__class__(self._singles_mask_ & ~self._value_)
        return self._inverted_

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are also ints; stray bits are kept."""


def unique(enumeration):
    """Class decorator: raise ValueError if the enum has aliases."""
    duplicates = [(name, m.name) for name, m in enumeration.__members__.items()
                  if name != m.name]
    if duplicates:
        raise ValueError('duplicate values found in %r: %s'
                         % (enumeration, ', '.join('%s -> %s' % pair for pair in duplicates)))
    return enumeration
