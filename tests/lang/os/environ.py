# os.environ and friends: only what is the same on every machine.
import os
import posix

print(os.environ.get('KAA_NO_SUCH_VAR'), os.getenv('KAA_NO_SUCH_VAR'),
      os.getenv('KAA_NO_SUCH_VAR', 'dflt'), 'KAA_NO_SUCH_VAR' in os.environ)
print(type(os.environ).__name__, len(os.environ) == len(list(os.environ)))
print(all(isinstance(k, str) and isinstance(v, str) for k, v in os.environ.items()))
print(sorted(os.environ.keys()) == sorted(os.environ), dict(os.environ) == os.environ.copy())
print(type(os.environ.copy()).__name__, repr(os.environ).startswith('environ({'))
if 'PATH' in os.environ:
    print(os.environ['PATH'] == os.getenv('PATH'), os.pathsep in os.environ['PATH'] or True)

os.environ['KAA_TEST_VAR'] = 'v1'
print(os.environ['KAA_TEST_VAR'], os.getenv('KAA_TEST_VAR'), 'KAA_TEST_VAR' in os.environ)
print(os.path.expandvars('[$KAA_TEST_VAR] [${KAA_TEST_VAR}] [$KAA_TEST_VARx]'))
print(os.path.expandvars(b'$KAA_TEST_VAR/${KAA_TEST_VAR}'))
print(os.environ.setdefault('KAA_TEST_VAR', 'other'), os.environ.setdefault('KAA_TEST_2', 'two'))
os.environ.update({'KAA_TEST_3': 'three'}, KAA_TEST_4='four')
print(sorted(k for k in os.environ if k.startswith('KAA_TEST')))
print(os.environ.pop('KAA_TEST_2'), os.environ.pop('KAA_TEST_2', 'gone'))
del os.environ['KAA_TEST_3']
os.environ |= {'KAA_TEST_5': 'five'}
merged = os.environ | {'KAA_TEST_6': 'six'}
print(type(merged).__name__, 'KAA_TEST_6' in merged, 'KAA_TEST_6' in os.environ)
print(sorted(k for k in os.environ if k.startswith('KAA_TEST')))
for k in [k for k in os.environ if k.startswith('KAA_TEST')]:
    del os.environ[k]
print(sorted(k for k in os.environ if k.startswith('KAA_TEST')), os.getenv('KAA_TEST_VAR'))
try:
    os.environ['KAA_TEST_X'] = 1
except TypeError as e:
    print('TypeError', e)
try:
    os.environ[2] = 'x'
except TypeError as e:
    print('TypeError', e)
try:
    os.environ['KAA_NO_SUCH_VAR']
except KeyError as e:
    print('KeyError', e)
os.putenv('KAA_TEST_PUT', 'p')
os.unsetenv('KAA_TEST_PUT')
print(os.getenv('KAA_TEST_PUT'))

# Constants and simple queries.
print(os.name, repr(os.sep), repr(os.altsep), repr(os.extsep), repr(os.pathsep),
      repr(os.linesep), repr(os.curdir), repr(os.pardir), repr(os.devnull))
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
print(os.error is OSError, os.path is os.sys.modules['os.path'])
print(isinstance(os.getpid(), int), os.getpid() > 0, os.getpid() == posix.getpid())
print(isinstance(os.getppid(), int), os.getppid() != os.getpid())
n = os.cpu_count()
print(n is None or (isinstance(n, int) and n >= 1))
r = os.urandom(16)
print(type(r).__name__, len(r), os.urandom(0), len(os.urandom(1000)), r != os.urandom(16))
print(os.strerror(2), '|', os.strerror(13), '|', os.strerror(17), '|', os.strerror(0))
print(isinstance(os.getcwd(), str), isinstance(os.getcwdb(), bytes), os.path.isabs(os.getcwd()))
print(os.fsencode('abc'), os.fsencode(b'x'), os.fsdecode(b'abc'), os.fsdecode('y'))
old = os.umask(0o22)
print(os.umask(old) == 0o22)
print('stat' in os.__all__, 'walk' in os.__all__, 'sys' in os.__all__)
