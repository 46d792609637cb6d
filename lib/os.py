"""Operating-system interfaces (CPython's os): the calls of the posix module
plus the parts written in Python: os.path (posixpath), the environ mapping,
makedirs/removedirs/renames, walk, fsencode/fsdecode and PathLike.
"""

import sys

import posix
from posix import *
from posix import _exit

import posixpath as path
from posixpath import curdir, pardir, sep, pathsep, defpath, extsep, altsep, devnull

# `import os.path` finds the module here, as in CPython.
sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
error = OSError

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep", "defpath",
           "name", "path", "devnull", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "makedirs", "removedirs", "renames", "walk", "getenv", "environ",
           "fsencode", "fsdecode", "PathLike", "error", "_exit"]
__all__ += [n for n in dir(posix) if n[:1] != '_' and n not in __all__]


# --- PathLike ----------------------------------------------------------------------------------

class _PathLikeMeta(type):
    # isinstance(x, PathLike) for any class with __fspath__ (CPython's
    # abc.ABC with a __subclasshook__).
    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if cls is not PathLike:
            return type.__subclasscheck__(cls, subclass)
        for klass in subclass.__mro__:
            if '__fspath__' in klass.__dict__:
                return klass.__dict__['__fspath__'] is not None
        return False


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class for objects with a file-system path
    (__fspath__ returning str or bytes)."""

    def __fspath__(self):
        raise NotImplementedError

    def __class_getitem__(cls, item):
        return type(list[int])(cls, item)


# --- Encoding file names -----------------------------------------------------------------------

try:
    b''.decode('utf-8', 'surrogateescape')
    _fs_errors = 'surrogateescape'
except LookupError:        # an interpreter without that error handler
    _fs_errors = 'strict'


def fsencode(filename):
    """filename (str, bytes or os.PathLike) as bytes."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', _fs_errors)
    return filename


def fsdecode(filename):
    """filename (str, bytes or os.PathLike) as str."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', _fs_errors)
    return filename


# --- The environment ---------------------------------------------------------------------------

def _env_str(value):
    if not isinstance(value, str):
        raise TypeError(f"str expected, not {type(value).__name__}")
    return value


class _Environ:
    """os.environ: a mutable mapping of str to str. Changes go to the
    process environment too (putenv/unsetenv), as CPython's do."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        _env_str(key)
        _env_str(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        _env_str(key)
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        # Over a snapshot, so the loop body may change the environment.
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    __hash__ = None

    def __repr__(self):
        items = ', '.join(f'{k!r}: {v!r}' for k, v in self._data.items())
        return f'environ({{{items}}})'

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self[key]

    _missing = object()

    def pop(self, key, default=_missing):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default is _Environ._missing:
            raise KeyError(key)
        return default

    def popitem(self):
        for key in self:
            value = self._data[key]
            del self[key]
            return key, value
        raise KeyError

    def clear(self):
        for key in list(self._data):
            del self[key]

    def update(self, other=(), /, **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self._data)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(other)
        new.update(self._data)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


environ = _Environ(dict(posix.environ))


def getenv(key, default=None):
    """The environment variable key, or default when it is not set."""
    return environ.get(key, default)


# --- Directory trees ---------------------------------------------------------------------------

def makedirs(name, mode=0o777, exist_ok=False):
    """mkdir that creates the missing parent directories too. An existing
    leaf is an error unless exist_ok is true."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass  # created meanwhile by someone else
        if tail == (curdir.encode() if isinstance(tail, bytes) else curdir):
            return  # "a/b/." : a/b is made
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """rmdir name, then each parent that becomes empty, up the path."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """rename that creates the parents of new and prunes the empty parents
    of old."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Generate (dirpath, dirnames, filenames) for each directory of the tree
    at top. Top-down, the caller may prune dirnames in place; symlinks to
    directories are listed in dirnames but not entered unless followlinks."""
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    descend = []   # bottom-up: the subdirectories to enter, decided now
    for entry in names:
        full = path.join(top, entry)
        if path.isdir(full):
            dirs.append(entry)
            if not topdown and (followlinks or not path.islink(full)):
                descend.append(full)
        else:
            nondirs.append(entry)
    if topdown:
        yield top, dirs, nondirs
        for entry in dirs:
            full = path.join(top, entry)
            if followlinks or not path.islink(full):
                yield from walk(full, topdown, onerror, followlinks)
    else:
        for full in descend:
            yield from walk(full, topdown, onerror, followlinks)
        yield top, dirs, nondirs
