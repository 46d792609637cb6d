# Reference counting, the way CPython does it: every name, list slot or
# argument that refers to an object adds one to its count, and
# sys.getrefcount() shows the count (one more than you might expect: its own
# argument is a reference too).
import sys


def count_items(items):
    total = 0
    for x in items:
        total = total + x
    return total


def refs_of_parameter(param):
    # The caller's name and this parameter both refer to the object.
    return sys.getrefcount(param)


numbers = [1, 2, 3]
print("a fresh list in a variable:", sys.getrefcount(numbers))
alias = numbers
print("a list and an alias:", len(numbers), alias is numbers, sys.getrefcount(numbers))

nested = [numbers, numbers]
print("the list twice in another list:", nested, sys.getrefcount(numbers))
print("passed to a function:", refs_of_parameter(numbers))

numbers.append(4)
print("seen through the alias:", alias, "sum:", count_items(alias))

del alias
print("after del alias:", numbers, sys.getrefcount(numbers))

del numbers
print("the nested list still holds it:", nested[0], sys.getrefcount(nested[0]))
nested.clear()
print("a temporary has only the argument's reference:", sys.getrefcount([]))
