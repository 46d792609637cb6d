# Reference counting, the way CPython does it: every name, list slot or
# argument that refers to an object adds one to its count.

def count_items(items):
    total = 0
    for x in items:
        total = total + x
    return total

numbers = [1, 2, 3]
alias = numbers
print("a list and an alias:", len(numbers), alias is numbers)

nested = [numbers, numbers]
print("the list twice in another list:", nested)

numbers.append(4)
print("seen through the alias:", alias, "sum:", count_items(alias))

del alias
print("after del alias:", numbers)

del numbers
print("the nested list still holds it:", nested[0])
