# dict(...) and dict.fromkeys(...) return untracked dicts when they hold only
# atomic values (CPython's dict_new untracks what tp_alloc tracked).
import gc

print(gc.is_tracked(dict()), gc.is_tracked(dict(x=1)), gc.is_tracked(dict({'a': 1})))
print(gc.is_tracked(dict([('a', 1)])), gc.is_tracked(dict.fromkeys('ab')))
print(gc.is_tracked(dict(x=[])), gc.is_tracked(dict.fromkeys('ab', [])))
