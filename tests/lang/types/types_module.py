import types
print(types.FunctionType, types.GeneratorType, types.MethodType, types.ModuleType, types.GenericAlias, types.UnionType, types.NoneType, types.CellType)
print(types.GetSetDescriptorType, types.MemberDescriptorType, types.TracebackType, types.BuiltinFunctionType)
ns = types.SimpleNamespace(a=1, b='x')
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x'))
ns.c = [ns]
print(ns)
print(types.GenericAlias(list, int), types.GenericAlias(dict, (str, int)))
C = types.new_class('C', (list[int],))
print(C.__bases__, C.__orig_bases__)
print(isinstance(lambda: 0, types.FunctionType), type(types.SimpleNamespace))
import collections
ns = types.SimpleNamespace(x=1)
ns.y = ns
print(ns, ns.__dict__ is ns.__dict__, vars(ns) == {'x': 1, 'y': ns})
class NS(types.SimpleNamespace): pass
print(NS(a=2), NS(a=2) == types.SimpleNamespace(a=2))
try: types.SimpleNamespace(1)
except TypeError as e: print(e)
try: hash(ns)
except TypeError as e: print(e)
del ns.x
print(ns.__dict__.keys())
import sys
print(sys.implementation.name in ('cpython', 'kaa'), sys.implementation.version[:2], type(sys.implementation).__name__)
