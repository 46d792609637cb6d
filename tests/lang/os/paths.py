# os.path's string operations (no file-system access), on str and bytes.
import os
import os.path
import posixpath

print(os.path is posixpath, os.path.__name__)
print(repr(os.path.sep), repr(os.path.curdir), repr(os.path.pardir), repr(os.path.extsep),
      repr(os.path.pathsep), repr(os.path.altsep), repr(os.path.devnull))

for parts in [('a', 'b'), ('a/', 'b'), ('a', '/b'), ('/a', 'b', 'c'), ('a', ''), ('', 'a'),
              ('a', 'b/', 'c'), ('/', 'x'), ('a',), ('', ''), ('a', '/b', 'c', '/d', 'e')]:
    print('join', parts, repr(os.path.join(*parts)))
print('join bytes', os.path.join(b'a', b'b', b'/c', b'd'))

for p in ['', '/', '//', 'a', 'a/', '/a', '/a/b', 'a/b/', 'a//b', '///a///b//', '.', '..',
          'a/b/c.txt', '/usr/lib/']:
    print(repr(p), 'split', os.path.split(p), 'dirname', repr(os.path.dirname(p)),
          'basename', repr(os.path.basename(p)))

for p in ['a.txt', 'a.tar.gz', '.bashrc', '..x', 'a/.b', 'a.b/c', 'a.', 'a/b.', '...',
          '.a.b', '', '/x/y.z', 'x.y/']:
    print(repr(p), 'splitext', os.path.splitext(p))
print(os.path.splitext(b'a/b.c'), os.path.splitdrive('/a/b'), os.path.splitdrive(b'x'))

for p in ['', '.', '/', '//', '///', 'a/./b', 'a/../b', '../a', 'a/..', '/..', '/../a',
          'a/b/../../..', '//a//b//', '///a', '../../x/./y/..', 'a/b/c/../d/./', './']:
    print(repr(p), 'normpath', repr(os.path.normpath(p)))
print(os.path.normpath(b'/a/./b/../c//'))

for p in ['/', '/a', 'a', '', '//x', b'/x', b'x']:
    print(repr(p), 'isabs', os.path.isabs(p))

print(os.path.commonprefix([]), os.path.commonprefix(['abc']),
      os.path.commonprefix(['/usr/lib', '/usr/local', '/usr']),
      os.path.commonprefix(['abc', 'xyz']), os.path.commonprefix([b'ab', b'ac']),
      os.path.commonprefix([['a', 'b'], ['a', 'c']]))
print(os.path.commonpath(['/usr/lib', '/usr/local/lib']), os.path.commonpath(['a/b', 'a/c']),
      os.path.commonpath(['/a']), repr(os.path.commonpath(['a', 'b'])),
      os.path.commonpath(['./a/b', 'a/./b/c']), os.path.commonpath([b'/x/y', b'/x/z']))

for p, start in [('/a/b/c', '/a'), ('/a', '/a/b/c'), ('/a/b', '/a/b'), ('/a/x', '/a/y/z'),
                 ('/', '/a/b'), ('a/b', 'a'), ('a', 'a/b/c'), (b'/x/y', b'/x')]:
    print('relpath', p, start, os.path.relpath(p, start))
print(os.path.relpath('.') == '.', os.path.relpath('x') == 'x')

print(os.path.abspath('/a/./b/../c'), os.path.abspath(b'/x/../y'))
print(os.path.abspath('x') == os.path.join(os.getcwd(), 'x'))
print(os.path.abspath('.') == os.getcwd(), os.path.abspath(b'.') == os.getcwdb())
print(os.path.normcase('AbC'), os.path.normcase(b'X'))


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(os.path.join(P('a'), P('b')), os.path.basename(P('/x/y')), os.path.splitext(P('f.py')),
      os.path.normpath(P(b'a//b')), os.fspath(P('q')), os.fspath('s'), os.fspath(b'b'))
print(isinstance(P('x'), os.PathLike), isinstance('x', os.PathLike),
      issubclass(P, os.PathLike), issubclass(int, os.PathLike))

home = os.environ.get('HOME')
if home is not None:
    print(os.path.expanduser('~') == home.rstrip('/') or '/',
          os.path.expanduser('~/x') == os.path.join(home, 'x'))
print(os.path.expanduser('~kaa_no_such_user/x'), os.path.expanduser(b'~kaa_no_such_user'))
print(os.path.expanduser('x/~'), os.path.expanduser(''), os.path.expanduser(b'a'))
print(os.path.expandvars('plain'), os.path.expandvars('$KAA_NO_SUCH_VAR/x'),
      os.path.expandvars('${KAA_NO_SUCH_VAR}y'), os.path.expandvars('a$'),
      os.path.expandvars('$ $$ ${} ${unclosed'), os.path.expandvars(b'$KAA_NO_SUCH_VAR'))
