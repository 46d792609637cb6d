print(list[int].__class__, type(list[int]))
x=list[int]
print(x.__name__, x.__qualname__, x.__module__)
print(repr(tuple[()]), dict[str, list[int]], list[...], list[[int,str]], list['x'], list[None])
print(int|str, (int|str).__args__, type(int|str), int|None, list[int]|None, int|int)
print(isinstance(3, int|str), issubclass(bool, int|str), isinstance(None, int|None), isinstance('s', int|None))
try: isinstance(3, list[int])
except TypeError as e: print(e)
try: isinstance(3, int|list[int])
except TypeError as e: print(e)
try: list[int][int]
except TypeError as e: print(e)
print(list[int]([1,2]), list[int] == list[int], list[int] == list, hash(list[int])==hash(list[int]))
print(list[int].__origin__, list[int].__args__, list[int].__parameters__, dict[str,int].__args__)
print(type[int], enumerate[str], frozenset[int], set[int], tuple[int, ...])
try: int | 3
except TypeError as e: print(e)
print((int|str) == (str|int), (int|str|int), hash(int|str)==hash(str|int))
print(list[int].append is list.append, list[int]().__class__)
