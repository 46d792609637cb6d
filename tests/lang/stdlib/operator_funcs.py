# The operator functions, their dunder aliases and in-place forms.
import operator as op
from functools import reduce

print(op.add(2, 3), op.sub(2, 3), op.mul(2, 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3))
print(op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3), op.invert(5), op.inv(0))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 4), op.rshift(32, 2))
print(op.eq(1, 1), op.ne(1, 1), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2))
print(op.not_([]), op.truth([0]), op.is_(None, None), op.is_not(1, None))
print(op.contains([1, 2], 2), op.concat([1], [2]), op.concat('a', 'b'), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'))
print(op.index(7), op.length_hint([1, 2, 3]), op.length_hint(5, 42), op.call(len, 'four'))
seq = [1, 2, 3]
op.setitem(seq, 0, 'x')
op.delitem(seq, 1)
print(seq, op.getitem(seq, -1), op.getitem('hello', slice(1, 3)))
lst = [1]
print(op.iadd(lst, [2]), lst, op.iadd(1, 2), op.imul('ab', 2), op.ipow(2, 5), op.ior(1, 2), op.isub(5, 3))
print(op.__add__ is op.add, op.__not__ is op.not_, op.__getitem__({'k': 'v'}, 'k'))
print(reduce(op.mul, range(1, 6)), list(map(op.sub, [10, 20], [1, 2])))
print(sorted([(1, 'b'), (0, 'c'), (1, 'a')], key=op.itemgetter(0)))


def attempt(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)


attempt(op.truediv, 1, 0)
attempt(op.indexOf, [1], 5)
attempt(op.concat, 1, 2)
attempt(op.index, 1.5)
