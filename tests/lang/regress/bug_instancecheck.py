# isinstance/issubclass ignore a metaclass's __instancecheck__ and
# __subclasscheck__ in kaa (collections.abc needs them).
class Meta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, '__iter__')

    def __subclasscheck__(cls, sub):
        return hasattr(sub, '__iter__')


class Iterable(metaclass=Meta):
    pass


print(isinstance([], Iterable), isinstance(3, Iterable), issubclass(dict, Iterable))
