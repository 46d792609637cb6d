# accumulate, chain, compress, dropwhile, takewhile, filterfalse, islice,
# starmap, pairwise, zip_longest.
import operator
from itertools import (accumulate, chain, compress, dropwhile, takewhile,
                       filterfalse, islice, starmap, pairwise, zip_longest)

print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], operator.mul, initial=10)), list(accumulate([], initial=0)), list(accumulate([])))
print(list(chain('ab', [1, 2], (3,))), list(chain()), list(chain.from_iterable(['xy', 'z'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(range(10), [True] * 3)))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None])))
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)), list(islice('abc', None)), list(islice('abcdef', None, None, 3)))
it = iter(range(10))
print(list(islice(it, 0, 5, 3)), next(it), list(islice(it, 1, 3)), next(it))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(operator.add, zip('ab', 'cd'))))
print(list(pairwise('ABCDE')), list(pairwise([1])), list(pairwise([])))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest([1], [], [2, 3])), list(zip_longest()))
words = ['alpha', 'beta', 'gamma']
print(list(zip_longest(*words, fillvalue='.'))[3:])
print(sum(1 for _ in islice(chain.from_iterable(repeat_list for repeat_list in [[1] * 5] * 5), 12)))


def attempt(f, *args):
    try:
        f(*args)
        print('ok')
    except Exception as e:
        print(type(e).__name__ + ':', e)


attempt(islice, [1], 'a')
attempt(islice, [1], -1)
attempt(islice, [1], 0, 1, 0)
attempt(islice, [1], 1, 'a')
attempt(islice, [1], 'a', 3)
attempt(islice, 1, 2)
attempt(islice, [1])
attempt(chain, 1)
attempt(lambda: list(chain(1)))
attempt(chain.from_iterable, 1)
attempt(zip_longest, 1)
attempt(accumulate, 3)
