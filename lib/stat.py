"""Constants and functions for interpreting os.stat() results (CPython's stat
module): the S_IF* file types, the permission bits, S_IS*() tests and
filemode().
"""

# Indices into the tuple an os.stat() result is.
ST_MODE = 0
ST_INO = 1
ST_DEV = 2
ST_NLINK = 3
ST_UID = 4
ST_GID = 5
ST_SIZE = 6
ST_ATIME = 7
ST_MTIME = 8
ST_CTIME = 9

# File types: the bits under S_IFMT.
S_IFDIR = 0o040000
S_IFCHR = 0o020000
S_IFBLK = 0o060000
S_IFREG = 0o100000
S_IFIFO = 0o010000
S_IFLNK = 0o120000
S_IFSOCK = 0o140000
# Types other systems have (Solaris doors and event ports, BSD whiteouts).
S_IFDOOR = 0
S_IFPORT = 0
S_IFWHT = 0

# Mode bits.
S_ISUID = 0o4000
S_ISGID = 0o2000
S_ENFMT = S_ISGID
S_ISVTX = 0o1000
S_IREAD = 0o0400
S_IWRITE = 0o0200
S_IEXEC = 0o0100
S_IRWXU = 0o0700
S_IRUSR = 0o0400
S_IWUSR = 0o0200
S_IXUSR = 0o0100
S_IRWXG = 0o0070
S_IRGRP = 0o0040
S_IWGRP = 0o0020
S_IXGRP = 0o0010
S_IRWXO = 0o0007
S_IROTH = 0o0004
S_IWOTH = 0o0002
S_IXOTH = 0o0001

# st_flags bits (BSD and macOS chflags).
UF_NODUMP = 0x00000001
UF_IMMUTABLE = 0x00000002
UF_APPEND = 0x00000004
UF_OPAQUE = 0x00000008
UF_NOUNLINK = 0x00000010
UF_COMPRESSED = 0x00000020
UF_HIDDEN = 0x00008000
SF_ARCHIVED = 0x00010000
SF_IMMUTABLE = 0x00020000
SF_APPEND = 0x00040000
SF_NOUNLINK = 0x00100000
SF_SNAPSHOT = 0x00200000


def S_IMODE(mode):
    """The permission bits of mode (what os.chmod() sets)."""
    return mode & 0o7777


def S_IFMT(mode):
    """The file-type bits of mode."""
    return mode & 0o170000


def S_ISDIR(mode):
    return S_IFMT(mode) == S_IFDIR


def S_ISCHR(mode):
    return S_IFMT(mode) == S_IFCHR


def S_ISBLK(mode):
    return S_IFMT(mode) == S_IFBLK


def S_ISREG(mode):
    return S_IFMT(mode) == S_IFREG


def S_ISFIFO(mode):
    return S_IFMT(mode) == S_IFIFO


def S_ISLNK(mode):
    return S_IFMT(mode) == S_IFLNK


def S_ISSOCK(mode):
    return S_IFMT(mode) == S_IFSOCK


def S_ISDOOR(mode):
    return False


def S_ISPORT(mode):
    return False


def S_ISWHT(mode):
    return False


_type_chars = {S_IFREG: '-', S_IFDIR: 'd', S_IFLNK: 'l', S_IFBLK: 'b',
               S_IFCHR: 'c', S_IFIFO: 'p', S_IFSOCK: 's'}


def _perm(mode, read, write, execute, special, on, off):
    # One rwx triple; `special` (setuid, setgid, sticky) shows in the x place.
    chars = 'r' if mode & read else '-'
    chars += 'w' if mode & write else '-'
    if mode & special:
        chars += on if mode & execute else off
    else:
        chars += 'x' if mode & execute else '-'
    return chars


def filemode(mode):
    """mode as `ls -l` shows it, e.g. '-rw-r--r--'."""
    return (_type_chars.get(S_IFMT(mode), '?')
            + _perm(mode, S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's', 'S')
            + _perm(mode, S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's', 'S')
            + _perm(mode, S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't', 'T'))
