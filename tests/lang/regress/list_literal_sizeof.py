# CPython 3.11 builds a list display of three or more constants with
# BUILD_LIST 0 + LIST_EXTEND of a constant tuple, so the list over-allocates
# like list.extend(); kaa's BUILD_LIST n allocates exactly n slots.
import sys

print(sys.getsizeof([1, 2, 3]) - sys.getsizeof([]), sys.getsizeof([1, 2]) - sys.getsizeof([]))
print(sys.getsizeof([1, 2, 3, 4, 5]) - sys.getsizeof([]))
print(sys.getsizeof([1, 2, 3]) == sys.getsizeof(list((1, 2, 3))))
