"""Generic (shallow and deep) copying operations.

copy(x) and deepcopy(x) as CPython's: classes can control copying with
__copy__() and __deepcopy__(memo); other instances are rebuilt with
cls.__new__ and their __dict__ and slots copied.
"""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error


def _function():
    pass


# Objects that are their own copy.
_atomic = [type(None), int, float, bool, str, type, range, slice, property,
           type(_function), type(len), type(Ellipsis), type(NotImplemented),
           frozenset, tuple]
try:
    _atomic.extend([complex, bytes])
except NameError:           # an interpreter without these types
    pass
_atomic = tuple(_atomic)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _atomic or issubclass(cls, type):
        return x
    if cls is list or cls is dict or cls is set:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if rv is not None:
        return x if isinstance(rv, str) else _from_reduce(x, rv, None)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic and cls is not tuple and cls is not frozenset:
        y = x
    elif issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple may have been copied meanwhile through a cycle.
        if d in memo:
            return memo[d]
        for a, b in zip(x, items):
            if a is not b:
                y = tuple(items)
                break
        else:
            y = x
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(item, memo) for item in x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        rv = None if copier is not None else _reduce(x)
        if copier is not None:
            y = copier(memo)
        elif rv is not None:
            y = x if isinstance(rv, str) else _from_reduce(x, rv, memo)
        else:
            y = _reconstruct(x, memo)
    # Only memoize (and keep alive) objects that were really copied.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _reduce(x):
    """What a class's own __reduce_ex__(4) or __reduce__() says about x, or
    None when it defines neither (kaa's object has no default reduction)."""
    cls = type(x)
    for klass in cls.__mro__:
        if klass is object:
            break
        if '__reduce_ex__' in klass.__dict__:
            return x.__reduce_ex__(4)
        if '__reduce__' in klass.__dict__:
            return x.__reduce__()
    return None


def _from_reduce(x, rv, memo):
    """Rebuild from (callable, args[, state[, listitems[, dictitems]]])."""
    deep = memo is not None
    func, args = rv[0], rv[1]
    state = rv[2] if len(rv) > 2 else None
    listiter = rv[3] if len(rv) > 3 else None
    dictiter = rv[4] if len(rv) > 4 else None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key, value = deepcopy(key, memo), deepcopy(value, memo)
            y[key] = value
    return y


def _keep_alive(x, memo):
    # Keep x alive while the memo is: its id must not be reused for another
    # object during the same deepcopy.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _state(x):
    """The instance's attributes: (__dict__ contents or None, slot values)."""
    state = getattr(x, '__dict__', None)
    slots = {}
    for klass in type(x).__mro__:
        names = klass.__dict__.get('__slots__', ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (klass.__name__.lstrip('_'), name)
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    return state, slots


def _reconstruct(x, memo):
    """Copy an instance: a new object of the same class, then the state,
    items (list and dict subclasses) deep-copied when memo is not None."""
    cls = type(x)
    deep = memo is not None
    getnewargs = getattr(cls, '__getnewargs__', None)
    if getnewargs is not None:
        args = getnewargs(x)
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    elif isinstance(x, (tuple, frozenset, int, float, str)):
        y = cls.__new__(cls, x)
    else:
        y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y

    getstate = getattr(cls, '__getstate__', None)
    if getstate is not None:
        state = getstate(x)
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, '__setstate__', None)
        if setstate is not None:
            setstate(state)
        elif state:
            y.__dict__.update(state)
    else:
        state, slots = _state(x)
        if state:
            if deep:
                state = deepcopy(state, memo)
            setstate = getattr(y, '__setstate__', None)
            if setstate is not None:
                setstate(state)
            else:
                y.__dict__.update(state)
        for name, value in slots.items():
            if deep:
                value = deepcopy(value, memo)
            setattr(y, name, value)

    if isinstance(x, list):
        for item in x:
            y.append(deepcopy(item, memo) if deep else item)
    elif isinstance(x, dict):
        for key, value in x.items():
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    elif isinstance(x, set):
        for item in x:
            y.add(deepcopy(item, memo) if deep else item)
    return y
