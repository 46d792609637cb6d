# os and os.path errors: the exception type, message and OSError fields.
import os
import os.path


def show(label, f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except OSError as e:
        print(label, type(e).__name__, e.errno, repr(e.strerror), repr(e.filename),
              repr(e.filename2), e.args, '|', e)
    except Exception as e:
        print(label, type(e).__name__, '|', e)
    else:
        print(label, 'no error')


class NotAPath:
    pass


class BadFspath:
    def __fspath__(self):
        return 42


class GoodFspath:
    def __fspath__(self):
        return 'kaa_no_such_file'


# Missing files: FileNotFoundError with the path as filename.
show('stat', os.stat, 'kaa_no_such_file')
show('stat bytes', os.stat, b'kaa_no_such_file')
show('stat pathlike', os.stat, GoodFspath())
show('lstat', os.lstat, 'kaa_no_such_file')
show('listdir', os.listdir, 'kaa_no_such_dir')
show('chdir', os.chdir, 'kaa_no_such_dir')
show('remove', os.remove, 'kaa_no_such_file')
show('unlink', os.unlink, 'kaa_no_such_file')
show('rmdir', os.rmdir, 'kaa_no_such_dir')
show('mkdir', os.mkdir, 'kaa_no_such_dir/sub')
show('rename', os.rename, 'kaa_no_such_file', 'kaa_other')
show('replace', os.replace, 'kaa_no_such_file', 'kaa_other')
show('readlink', os.readlink, 'kaa_no_such_file')
show('empty', os.stat, '')
show('getsize', os.path.getsize, 'kaa_no_such_file')
show('getmtime', os.path.getmtime, 'kaa_no_such_file')

# Other errno values.
show('mkdir exists', os.mkdir, '.')
show('makedirs exists', os.makedirs, '.')
show('remove dir', os.remove, '.')
show('listdir file', os.listdir, 'errors.py')
show('stat under file', os.stat, 'errors.py/x')
show('readlink file', os.readlink, 'errors.py')
show('bad fd', os.stat, 999999)
show('bad fd listdir', os.listdir, 999999)

# Bad argument types and values.
show('stat float', os.stat, 1.5)
show('stat None', os.stat, None)
show('stat object', os.stat, NotAPath())
show('lstat int', os.lstat, 3)
show('mkdir int', os.mkdir, 3)
show('remove int', os.remove, 3)
show('rmdir int', os.rmdir, 3)
show('rename src', os.rename, 3, 'x')
show('rename dst', os.rename, 'x', 3)
show('rename mixed', os.rename, 'x', b'y')
show('listdir float', os.listdir, 1.5)
show('chdir float', os.chdir, 1.5)
show('bad __fspath__', os.stat, BadFspath())
show('fspath int', os.fspath, 3)
show('fspath bad', os.fspath, BadFspath())
show('null str', os.stat, 'a\0b')
show('null bytes', os.stat, b'a\0b')
show('mkdir mode str', os.mkdir, 'x', 'a')
show('mkdir mode float', os.mkdir, 'x', 1.5)
show('dir_fd str', os.stat, 'x', dir_fd='a')
show('urandom str', os.urandom, 'x')
show('urandom negative', os.urandom, -1)
show('strerror str', os.strerror, 'x')

# Argument counts and keywords.
show('stat none', os.stat)
show('stat two', os.stat, 'a', 'b')
show('stat keyword', os.stat, 'a', bogus=1)
show('stat twice', os.stat, 'a', path='b')
show('mkdir three', os.mkdir, 'x', 0o777, 5)
show('listdir two', os.listdir, 'a', 'b')
show('rename one', os.rename, 'a')
show('rename three', os.rename, 'a', 'b', 'c')
show('getcwd one', os.getcwd, 1)
show('getpid one', os.getpid, 1)
show('cpu_count one', os.cpu_count, 1)
show('access one', os.access, 'a')
show('access three', os.access, 'a', 0, 1)
show('stat four', os.stat, 'a', 'b', 'c', 'd')
show('stat keywords', os.stat, path='a', dir_fd=None, follow_symlinks=True, x=1)
show('fspath twice', os.fspath, 'a', path='b')
show('putenv one', os.putenv, 'a')
show('urandom huge', os.urandom, 2**70)
show('mkdir huge mode', os.mkdir, 'x', 2**40)
show('stat huge fd', os.stat, 2**40)
show('stat negative fd', os.stat, -2**40)

# os.path type errors.
show('join int', os.path.join, 1, 'a')
show('join int 2', os.path.join, 'a', 1)
show('join mixed', os.path.join, 'a', b'b')
show('join bytes str', os.path.join, b'a', 'b')
show('split int', os.path.split, 1)
show('basename None', os.path.basename, None)
show('relpath empty', os.path.relpath, '')
show('relpath mixed', os.path.relpath, 'a', b'b')
show('commonpath empty', os.path.commonpath, [])
show('commonpath mixed', os.path.commonpath, ['/a', 'b'])
show('commonpath types', os.path.commonpath, ['/a', b'/b'])
show('exists int', os.path.exists, 999999)
show('exists null', os.path.exists, 'a\0b')
show('isdir object', os.path.isdir, NotAPath())

# Environment.
show('environ key', lambda: os.environ['KAA_NO_SUCH_VAR'])
show('environ set int', os.environ.__setitem__, 'KAA_X', 1)
show('environ del', os.environ.__delitem__, 'KAA_NO_SUCH_VAR')
show('putenv =', os.putenv, 'A=B', 'x')
show('putenv empty', os.putenv, '', 'x')
show('putenv null', os.putenv, 'A', 'x\0y')
show('environ pop', os.environ.pop, 'KAA_NO_SUCH_VAR')

# os.error is OSError; the subclasses by errno.
print(os.error is OSError)
for n in (1, 2, 13, 17, 20, 21, 39):
    e = OSError(n, os.strerror(n), 'f')
    print(n, type(e).__name__, e)
