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
