"""Functions creating iterators for efficient looping, as CPython's
itertools: count, cycle, repeat, accumulate, chain, compress, dropwhile,
filterfalse, groupby, islice, pairwise, starmap, takewhile, tee,
zip_longest, product, permutations, combinations and
combinations_with_replacement.

Most are generator functions: the arguments are checked (and iter() is
called) eagerly, as CPython does, and a generator does the looping.
"""

import sys as _sys

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat',
           'starmap', 'takewhile', 'tee', 'zip_longest']

_marker = object()


def _is_number(x):
    t = type(x)
    return (hasattr(t, '__index__') or hasattr(t, '__float__')
            or hasattr(t, '__int__') or hasattr(t, '__complex__'))


################################################################################
### Infinite iterators
################################################################################

class count:
    """count(start=0, step=1) --> start, start+step, start+2*step, ..."""
    __slots__ = ('_value', '_step')

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        self._value = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._value
        self._value = value + self._step
        return value

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return '%s(%r)' % (type(self).__name__, self._value)
        return '%s(%r, %r)' % (type(self).__name__, self._value, step)


def cycle(iterable):
    """Return elements from the iterable until it is exhausted, then repeat
    the sequence indefinitely."""
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        yield from saved


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""
    __slots__ = ('_object', '_times')

    def __init__(self, object, times=None):
        self._object = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError("'%s' object cannot be interpreted as an integer"
                                % type(times).__name__)
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        times = self._times
        if times is None:
            return self._object
        if times <= 0:
            raise StopIteration
        self._times = times - 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return '%s(%r)' % (type(self).__name__, self._object)
        return '%s(%r, %d)' % (type(self).__name__, self._object, self._times)


################################################################################
### Iterators terminating on the shortest input sequence
################################################################################

def accumulate(iterable, func=None, *, initial=None):
    """Return series of accumulated sums (or other binary function results)."""
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        for total in it:
            break
        else:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


class chain:
    """chain(*iterables) --> chain object

    Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    def __new__(cls, *iterables):
        return _chain(iterables)

    @classmethod
    def from_iterable(cls, iterable):
        """Alternative chain() constructor taking a single iterable argument
        that evaluates lazily."""
        return _chain(iter(iterable))


def _chain(iterables):
    for it in iterables:
        yield from it


def compress(data, selectors):
    """Return data elements corresponding to true selector elements."""
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    """Drop items from the iterable while predicate(item) is true.
    Afterwards, return every element until the iterable is exhausted."""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


def takewhile(predicate, iterable):
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(function, iterable):
    """Return those items of iterable for which function(item) is false.
    If function is None, return the items that are false."""
    return _filterfalse(function, iter(iterable))


def _filterfalse(function, it):
    if function is None:
        for x in it:
            if not x:
                yield x
    else:
        for x in it:
            if not function(x):
                yield x


def starmap(function, iterable):
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def pairwise(iterable):
    """Return an iterator of overlapping pairs taken from the input iterator.

        s -> (s0,s1), (s1,s2), (s2, s3), ..."""
    return _pairwise(iter(iterable))


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b


def zip_longest(*args, fillvalue=None):
    """Return a zip_longest object: tuples of the i-th elements of every
    argument, with missing values replaced by fillvalue."""
    return _zip_longest([iter(a) for a in args], fillvalue)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            if it is None:
                values.append(fillvalue)
                continue
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = None
                value = fillvalue
            values.append(value)
        yield tuple(values)


def _index_arg(value):
    """value as a non-negative index, or -1 when it is not one."""
    if value is None:
        return None
    try:
        value = value.__index__()
    except AttributeError:
        return -1
    if value < 0 or value > _sys.maxsize:
        return -2 if value < -1 else -1
    return value


def islice(*args):
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable, like a slice of a list but without negative values."""
    if len(args) < 2:
        raise TypeError('islice expected at least 2 arguments, got %d'
                        % len(args))
    if len(args) > 4:
        raise TypeError('islice expected at most 4 arguments, got %d'
                        % len(args))
    stop_msg = ('Stop argument for islice() must be None or an integer: '
                '0 <= x <= sys.maxsize.')
    indices_msg = ('Indices for islice() must be None or an integer: '
                   '0 <= x <= sys.maxsize.')
    start, step = 0, 1
    if len(args) == 2:
        stop = _index_arg(args[1])
        if stop == -1:
            raise ValueError(stop_msg)
    else:
        if args[1] is not None:
            start = _index_arg(args[1])
        stop = _index_arg(args[2])
        if stop == -1:
            raise ValueError(stop_msg)
    if start < 0 or (stop is not None and stop < 0):
        raise ValueError(indices_msg)
    if len(args) == 4 and args[3] is not None:
        step = _index_arg(args[3])
        if step is None or step < 1:
            raise ValueError('Step for islice() must be a positive integer '
                             'or None.')
    return _islice(iter(args[0]), start, stop, step)


def _islice(it, start, stop, step):
    if start == 0 and step == 1:
        if stop is None:
            yield from it
        else:
            for _, item in zip(range(stop), it):
                yield item
        return
    count = 0           # items consumed so far
    wanted = start      # index of the next item to return
    while True:
        while count < wanted:
            for _ in it:
                break
            else:
                return
            count += 1
        if stop is not None and count >= stop:
            return
        for item in it:
            break
        else:
            return
        count += 1
        wanted += step
        if stop is not None and wanted > stop:
            wanted = stop
        yield item


class groupby:
    """make an iterator that returns consecutive keys and groups from the
    iterable; key is a function computing a key value for each element."""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = _marker
        self._currkey = _marker
        self._currvalue = _marker
        self._currgrouper = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._currgrouper = None
        # Skip what remains of the current group.
        while True:
            if self._currkey is _marker:
                pass
            elif self._tgtkey is _marker:
                break
            else:
                tgt, cur = self._tgtkey, self._currkey
                if not (tgt is cur or tgt == cur):
                    break
            self._step()
        self._tgtkey = self._currkey
        token = self._currgrouper = object()
        return self._currkey, self._grouper(self._tgtkey, token)

    def _grouper(self, tgtkey, token):
        while self._currgrouper is token:
            if self._currvalue is _marker:
                try:
                    self._step()
                except StopIteration:
                    return
            cur = self._currkey
            if not (tgtkey is cur or tgtkey == cur):
                return
            value = self._currvalue
            self._currvalue = _marker
            self._currkey = _marker
            yield value


class _tee:
    """One of the iterators returned by tee(): they share a linked list of
    the values read so far, each node being [value, next node]."""
    __slots__ = ('_it', '_node', '__weakref__')

    def __init__(self, it, node):
        self._it = it
        self._node = node

    def __iter__(self):
        return self

    def __next__(self):
        node = self._node
        nxt = node[1]
        if nxt is None:
            value = next(self._it)
            nxt = node[1] = [value, None]
        self._node = nxt
        return nxt[0]

    def __copy__(self):
        return _tee(self._it, self._node)


def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    if n == 0:
        return ()
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(it, [None, None])
    return (first,) + tuple(first.__copy__() for _ in range(n - 1))


################################################################################
### Combinatoric iterators
################################################################################

def product(*iterables, repeat=1):
    """Cartesian product of input iterables.  Equivalent to nested for-loops.

    product('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)
    """
    if not isinstance(repeat, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(repeat).__name__)
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    for pool in pools:
        if not pool:
            return
    n = len(pools)
    indices = [0] * n
    result = [pool[0] for pool in pools]
    yield tuple(result)
    while True:
        # Advance the rightmost position that is not at its last element,
        # resetting the ones after it (an odometer).
        i = n - 1
        while i >= 0:
            pool = pools[i]
            j = indices[i] + 1
            if j < len(pool):
                indices[i] = j
                result[i] = pool[j]
                break
            indices[i] = 0
            result[i] = pool[0]
            i -= 1
        if i < 0:
            return
        yield tuple(result)


def _r_arg(r):
    if not isinstance(r, int):
        raise TypeError('Expected int as r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def permutations(iterable, r=None):
    """Return successive r-length permutations of elements in the iterable.

    permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)
    """
    pool = tuple(iterable)
    r = len(pool) if r is None else _r_arg(r)
    return _permutations(pool, r)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    # indices: the chosen positions, in lexicographic order; used marks them.
    indices = list(range(r))
    used = [True] * r + [False] * (n - r)
    yield tuple(pool[i] for i in indices)
    while True:
        # Find the rightmost position that can take a larger unused index.
        i = r - 1
        while i >= 0:
            current = indices[i]
            used[current] = False
            j = current + 1
            while j < n and used[j]:
                j += 1
            if j < n:
                indices[i] = j
                used[j] = True
                break
            i -= 1
        if i < 0:
            return
        # Fill the following positions with the smallest unused indices.
        j = 0
        for k in range(i + 1, r):
            while used[j]:
                j += 1
            indices[k] = j
            used[j] = True
        yield tuple(pool[i] for i in indices)


def combinations(iterable, r):
    """Return successive r-length combinations of elements in the iterable.

    combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)
    """
    pool = tuple(iterable)
    return _combinations(pool, _r_arg(r))


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        # The rightmost index that is not yet at its highest value.
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats.

    combinations_with_replacement('ABC', 2) --> AA AB AC BB BC CC
    """
    pool = tuple(iterable)
    return _combinations_with_replacement(pool, _r_arg(r))


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
