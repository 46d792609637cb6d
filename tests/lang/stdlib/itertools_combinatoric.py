# product, permutations, combinations, combinations_with_replacement.
from itertools import product, permutations, combinations, combinations_with_replacement


def show(it):
    print(' '.join(''.join(map(str, t)) for t in it))


show(product('AB', repeat=2))
show(product('ab', range(3)))
print(list(product()), list(product([], [1])), len(list(product(range(4), repeat=5))))
show(permutations('ABC', 2))
show(permutations(range(3)))
print(list(permutations('ab', 3)), list(permutations('', 0)), len(list(permutations(range(6)))))
show(combinations('ABCD', 2))
show(combinations(range(5), 3))
print(list(combinations('ab', 0)), list(combinations('ab', 3)))
show(combinations_with_replacement('ABC', 2))
print(list(combinations_with_replacement('', 2)), list(combinations_with_replacement('', 0)))
print(len(list(combinations_with_replacement(range(5), 3))))
# Dice: ways to roll each total with two dice.
totals = {}
for a, b in product(range(1, 7), repeat=2):
    totals[a + b] = totals.get(a + b, 0) + 1
print(totals)
for bad in [lambda: product([1], repeat=-1), lambda: permutations([1], -1),
            lambda: permutations([1], 'a'), lambda: combinations([1], -1),
            lambda: combinations_with_replacement([1], -2), lambda: product(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
