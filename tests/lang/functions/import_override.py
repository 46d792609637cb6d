# Replacing builtins.__import__ changes what the import statement calls.
import builtins

real_import = builtins.__import__


def logging_import(name, globals=None, locals=None, fromlist=(), level=0):
    print('import', name, fromlist, level)
    return real_import(name, globals, locals, fromlist, level)


builtins.__import__ = logging_import
import math
from math import sqrt, floor
import keyword as kw
builtins.__import__ = real_import
print(math.pi > 3, sqrt(16), floor(2.5), kw.iskeyword('if'))
print(__import__('math').e > 2, __import__('collections', fromlist=['deque']).deque)
try:
    __import__('no_such_module_here')
except ModuleNotFoundError as e:
    print(e)
