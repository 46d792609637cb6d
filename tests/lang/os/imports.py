# The ways scripts import os and os.path.
import sys
import os.path
print(type(os).__name__, os.path.__name__, sys.modules['os.path'] is os.path)
import os.path as osp
from os import path, sep, getcwd, listdir
from os.path import join, splitext as se
import posixpath
import posix
print(osp is os.path is path is posixpath, sep, join('a', 'b'), se('f.c'))
print(getcwd is os.getcwd, listdir is posix.listdir, os.stat is posix.stat)
print(os.stat_result is posix.stat_result, os.environ is not posix.environ)
print(os.__name__, posix.__name__, 'os' in sys.modules, 'posix' in sys.modules)
ns = {}
exec('from os import *', ns)
print(sorted(k for k in ['path', 'sep', 'stat', 'walk', 'environ', 'getcwd', 'makedirs', 'sys']
             if k in ns))
ns = {}
exec('from os.path import *', ns)
print(sorted(k for k in ns if not k.startswith('__'))[:8])
