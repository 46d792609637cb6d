"""Heap queue algorithm (a.k.a. priority queue).

Heaps are lists for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for all k;
a[0] is then the smallest item. The sift operations are those of CPython,
so a heap built by the same calls holds its items in the same order.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check_list(name, heap):
    if not isinstance(heap, list):
        raise TypeError('%s() argument 1 must be list, not %s'
                        % (name, type(heap).__name__))


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list('heappush', heap)
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check_list('heappop', heap)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _sift_toward_leaves(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    """Pop and return the current smallest value, and add the new item.

    The returned value may be larger than item!"""
    _check_list('heapreplace', heap)
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _sift_toward_leaves(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Fast version of a heappush followed by a heappop."""
    _check_list('heappushpop', heap)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_toward_leaves(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    _check_list('heapify', x)
    for i in range(len(x) // 2 - 1, -1, -1):
        _sift_toward_leaves(x, i)


def _sift_toward_root(heap, startpos, pos):
    # Move heap[pos] up while it is smaller than its parent (not above
    # startpos).
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
        else:
            break
    heap[pos] = newitem


def _sift_toward_leaves(heap, pos):
    # Walk the hole at pos down to a leaf, always along the smaller child,
    # then put the item there and move it back up to its place: fewer
    # comparisons than stopping as soon as the item fits.
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _sift_toward_root(heap, startpos, pos)


def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output.

    Equivalent to sorted(itertools.chain(*iterables)) for sorted inputs,
    but lazy; equal items come out in the order of their iterables.
    """
    return _merge([iter(it) for it in iterables], key, reverse)


class _Entry:
    # A heap entry: the current key of one input, ordered by key then by
    # input number so that ties keep the inputs' order.
    __slots__ = ('key', 'order', 'value', 'it', 'reverse')

    def __lt__(self, other):
        a, b = self.key, other.key
        if self.reverse:
            a, b = b, a
        if a < b:
            return True
        if b < a:
            return False
        return self.order < other.order


def _merge(iterators, key, reverse):
    heap = []
    for order, it in enumerate(iterators):
        for value in it:
            entry = _Entry()
            entry.key = value if key is None else key(value)
            entry.order = order
            entry.value = value
            entry.it = it
            entry.reverse = reverse
            heap.append(entry)
            break
    heapify(heap)
    while heap:
        entry = heap[0]
        yield entry.value
        for value in entry.it:
            entry.value = value
            entry.key = value if key is None else key(value)
            heapreplace(heap, entry)
            break
        else:
            heappop(heap)


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]
    """
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]
    """
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
