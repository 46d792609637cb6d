# Subscripting a class uses __class_getitem__ (deque[int], list[int]) in CPython.
class Box:
    def __class_getitem__(cls, item):
        return 'Box of ' + item.__name__


print(Box[int])
print(list[int], dict[str, int])
