"""Pathname operations on POSIX paths: os.path (CPython's posixpath and
genericpath). Every function takes str, bytes or os.PathLike and returns the
same kind of path it was given.
"""

# The constants come before `import os`: os imports this module while it is
# itself being imported, and reads them at once.
curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'

import os
import stat

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir",
           "isfile", "ismount", "expanduser", "expandvars", "normpath",
           "abspath", "samefile", "samestat", "curdir", "pardir", "sep",
           "pathsep", "defpath", "altsep", "extsep", "devnull", "realpath",
           "supports_unicode_filenames", "relpath", "commonpath"]

supports_unicode_filenames = False


def _sep(p):
    return b'/' if isinstance(p, bytes) else '/'


def _check_arg_types(funcname, *args):
    # The TypeError a function raises when its arguments cannot be combined.
    hasstr = hasbytes = False
    for s in args:
        if isinstance(s, str):
            hasstr = True
        elif isinstance(s, bytes):
            hasbytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {s.__class__.__name__!r}') from None
    if hasstr and hasbytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


# --- Pure string operations ------------------------------------------------------------------

def normcase(s):
    """POSIX paths are case-sensitive: s unchanged."""
    return os.fspath(s)


def isabs(s):
    """Whether s starts at the root."""
    s = os.fspath(s)
    return s.startswith(_sep(s))


def join(a, *p):
    """Join path components; an absolute component discards those before it."""
    a = os.fspath(a)
    sep = _sep(a)
    path = a
    try:
        if not p:
            path[:0] + sep  # the TypeError for a non-path `a`
        for b in map(os.fspath, p):
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError):
        _check_arg_types('join', a, *p)
        raise
    return path


def splitdrive(p):
    """POSIX has no drives: (empty, p)."""
    p = os.fspath(p)
    return p[:0], p


def split(p):
    """(head, tail): tail is everything after the last slash."""
    p = os.fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    """(root, ext): ext is the last dot and what follows it in the last
    component, unless the component has only leading dots."""
    p = os.fspath(p)
    if isinstance(p, bytes):
        sep, dot = b'/', b'.'
    else:
        sep, dot = '/', '.'
    sep_index = p.rfind(sep)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        # Skip the leading dots of the file name (".bashrc" has no extension).
        i = sep_index + 1
        while i < dot_index:
            if p[i:i + 1] != dot:
                return p[:dot_index], p[dot_index:]
            i += 1
    return p, p[:0]


def basename(p):
    """The last component of p (after the last slash)."""
    p = os.fspath(p)
    return p[p.rfind(_sep(p)) + 1:]


def dirname(p):
    """Everything before the last component, trailing slashes removed."""
    p = os.fspath(p)
    sep = _sep(p)
    head = p[:p.rfind(sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def normpath(path):
    """Collapse redundant separators and "." and ".." components."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b'/', b'', b'.', b'..'
    else:
        sep, empty, dot, dotdot = '/', '', '.', '..'
    if path == empty:
        return dot
    # POSIX gives two leading slashes a meaning of their own; three or more
    # are one.
    initial = 0
    if path.startswith(sep):
        initial = 2 if path.startswith(sep * 2) and not path.startswith(sep * 3) else 1
    comps = []
    for comp in path.split(sep):
        if comp == empty or comp == dot:
            continue
        if comp != dotdot or (not initial and not comps) or (comps and comps[-1] == dotdot):
            comps.append(comp)
        elif comps:
            comps.pop()
    path = sep * initial + sep.join(comps)
    return path or dot


def commonprefix(m):
    """The longest common leading part of the items of m (item by item, so
    not necessarily a valid path)."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    """The longest common sub-path of the paths (whole components)."""
    paths = tuple(map(os.fspath, paths))
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    if isinstance(paths[0], bytes):
        sep, curdir = b'/', b'.'
    else:
        sep, curdir = '/', '.'
    try:
        split_paths = [path.split(sep) for path in paths]
        try:
            isabs, = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep if isabs else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        _check_arg_types('commonpath', *paths)
        raise


# --- Queries of the file system --------------------------------------------------------------

def _stat(stat_fn, path, errors=(OSError, ValueError)):
    # stat_fn(path) (os.stat or os.lstat), or None where that fails: the
    # queries below then answer False.
    try:
        return stat_fn(path)
    except errors:
        return None


def exists(path):
    """Whether path names an existing file (following symlinks)."""
    return _stat(os.stat, path) is not None


def lexists(path):
    """Whether path exists, counting broken symlinks."""
    return _stat(os.lstat, path) is not None


def isfile(path):
    """Whether path is a regular file (following symlinks)."""
    st = _stat(os.stat, path)
    return st is not None and stat.S_ISREG(st.st_mode)


def isdir(s):
    """Whether s is a directory (following symlinks)."""
    st = _stat(os.stat, s)
    return st is not None and stat.S_ISDIR(st.st_mode)


def islink(path):
    """Whether path is a symbolic link."""
    st = _stat(os.lstat, path, (OSError, ValueError, AttributeError))
    return st is not None and stat.S_ISLNK(st.st_mode)


def ismount(path):
    """Whether path is a mount point: its parent is on another device, or
    is the same directory (the root)."""
    s1 = _stat(os.lstat, path)
    if s1 is None or stat.S_ISLNK(s1.st_mode):
        return False
    path = os.fspath(path)
    parent = join(path, b'..' if isinstance(path, bytes) else '..')
    s2 = _stat(os.lstat, realpath(parent))
    return s2 is not None and (s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino)


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def samestat(s1, s2):
    """Whether two stat results describe the same file."""
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    """Whether two paths name the same file."""
    return samestat(os.stat(f1), os.stat(f2))


# --- Expansions ------------------------------------------------------------------------------

def expanduser(path):
    """Replace a leading "~" with $HOME (or the user's home directory when
    HOME is not set) and "~user" with that user's home directory. Unknown
    users leave path as it is."""
    path = os.fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sep = _sep(path)
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i == 1 and 'HOME' in os.environ:
        home = os.environ['HOME']
    else:
        home = os.posix._pw_dir(os.fsdecode(path[1:i]) if i > 1 else None)
        if home is None:
            return path
    if isinstance(path, bytes):
        home = os.fsencode(home)
    home = home.rstrip(sep)
    return (home + path[i:]) or sep


def _is_name_char(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z') or ('0' <= c <= '9')


def expandvars(path):
    """Replace $name and ${name} by the environment's values; unknown
    variables are left alone."""
    path = os.fspath(path)
    as_bytes = isinstance(path, bytes)
    text = path.decode('latin-1') if as_bytes else path
    if '$' not in text:
        return path
    out = []
    i = 0
    n = len(text)
    while i < n:
        j = text.find('$', i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        # The name after the dollar: ${anything but '}'} or [A-Za-z0-9_]+.
        if text[j + 1:j + 2] == '{':
            end = text.find('}', j + 2)
            if end < 0:
                out.append('$')
                i = j + 1
                continue
            name, stop = text[j + 2:end], end + 1
        else:
            stop = j + 1
            while stop < n and _is_name_char(text[stop]):
                stop += 1
            name = text[j + 1:stop]
        if stop == j + 1:
            out.append('$')
            i = j + 1
            continue
        key = name.encode('latin-1') if as_bytes else name
        key = os.fsdecode(key)
        if key in os.environ:
            value = os.environ[key]
            out.append(os.fsencode(value).decode('latin-1') if as_bytes else value)
        else:
            out.append(text[j:stop])
        i = stop
    res = ''.join(out)
    return res.encode('latin-1') if as_bytes else res


# --- Absolute and relative paths -------------------------------------------------------------

def abspath(path):
    """path made absolute (against the current directory) and normalized."""
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical path of filename: absolute, with every symbolic link
    resolved. With strict, a missing component or a loop raises OSError."""
    filename = os.fspath(filename)
    path, _ = _resolve(filename[:0], filename, strict, {})
    return abspath(path)


def _resolve(path, rest, strict, seen):
    # Append the components of `rest` to the resolved `path`, resolving
    # links as they come. `seen` maps each link met on the way to what it
    # resolved to (None while it is being resolved: meeting it again then
    # means a loop). Returns (path, ok); ok is False after a loop.
    if isinstance(path, bytes):
        sep, curdir, pardir = b'/', b'.', b'..'
    else:
        sep, curdir, pardir = '/', '.', '..'
    if isabs(rest):
        rest = rest[1:]
        path = sep
    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == curdir:
            continue
        if name == pardir:
            if path:
                path, name = split(path)
                if name == pardir:
                    path = join(path, pardir, pardir)
            else:
                path = pardir
            continue
        newpath = join(path, name)
        try:
            st = os.lstat(newpath)
        except OSError:
            if strict:
                raise
            is_link = False
        else:
            is_link = stat.S_ISLNK(st.st_mode)
        if not is_link:
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue
            if strict:
                os.stat(newpath)  # raises the ELOOP OSError
            return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _resolve(path, os.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def relpath(path, start=None):
    """path relative to start (default: the current directory)."""
    if not path:
        raise ValueError("no path specified")
    path = os.fspath(path)
    if isinstance(path, bytes):
        curdir, sep, pardir = b'.', b'/', b'..'
    else:
        curdir, sep, pardir = '.', '/', '..'
    start = curdir if start is None else os.fspath(start)
    try:
        start_list = [x for x in abspath(start).split(sep) if x]
        path_list = [x for x in abspath(path).split(sep) if x]
        i = len(commonprefix([start_list, path_list]))
        rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
        if not rel_list:
            return curdir
        return join(*rel_list)
    except (TypeError, AttributeError):
        _check_arg_types('relpath', path, start)
        raise
