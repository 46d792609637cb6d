"""In-memory streams and the io names kaa has (CPython's io module, for kaa).

StringIO and BytesIO are written here in Python; open() and TextIOWrapper
are kaa's built-in file objects. The base classes IOBase, RawIOBase,
BufferedIOBase and TextIOBase are ABCs, so isinstance() checks against them
work for both.

io.UnsupportedOperation is the class kaa's file objects raise (found by
provoking one). Not here: the Buffered* and FileIO classes.
"""

import builtins
import sys
from abc import ABCMeta

__all__ = ["open", "IOBase", "RawIOBase", "BufferedIOBase", "TextIOBase",
           "TextIOWrapper", "StringIO", "BytesIO", "UnsupportedOperation", "SEEK_SET",
           "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = open
TextIOWrapper = type(sys.__stdout__)


def _find_unsupported_operation():
    # kaa's file objects raise io.UnsupportedOperation (an OSError and a
    # ValueError) but publish the class nowhere: provoke one to get it.
    try:
        with open(__file__) as f:
            f.write('')
    except OSError as e:
        if isinstance(e, ValueError):
            return type(e)
    except Exception:
        pass

    # Fallback: only OSError as base, since kaa refuses the pair
    # (OSError, ValueError) for a class statement (instance lay-out conflict).
    class UnsupportedOperation(OSError):
        pass
    UnsupportedOperation.__module__ = 'io'
    return UnsupportedOperation


UnsupportedOperation = _find_unsupported_operation()
del _find_unsupported_operation


def _closed_error(period=True):
    return ValueError("I/O operation on closed file." if period
                      else "I/O operation on closed file")


def _check_size(size):
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError("argument should be integer or None, not '%s'"
                        % type(size).__name__)
    return size


class IOBase(metaclass=ABCMeta):
    """The base of all streams: context manager, iteration over lines,
    readlines/writelines built on readline/write, and closing.
    """

    _closed = False

    def _check_closed(self):
        if self.closed:
            raise _closed_error()

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        self._check_closed()

    def close(self):
        if not self._closed:
            try:
                self.flush()
            finally:
                self._closed = True

    @property
    def closed(self):
        return self._closed

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._check_closed()
        return False

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        """Read a list of lines; with hint > 0, stop once the lines read so
        far would exceed hint characters.
        """
        hint = _check_size(hint)
        self._check_closed()
        lines = []
        if hint <= 0:
            for line in self:
                lines.append(line)
            return lines
        total = 0
        for line in self:
            lines.append(line)
            if len(line) > hint - total:
                break
            total += len(line)
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Base for raw binary streams."""


class BufferedIOBase(IOBase):
    """Base for buffered binary streams."""

    def detach(self):
        self._unsupported("detach")


class TextIOBase(IOBase):
    """Base for text streams."""

    encoding = None
    errors = None
    newlines = None

    def detach(self):
        self._unsupported("detach")


TextIOBase.register(TextIOWrapper)

_LF, _CR, _CRLF = 1, 2, 4
_NEWLINES_SEEN = {0: None, _LF: "\n", _CR: "\r", _CR | _LF: ("\r", "\n"),
                  _CRLF: "\r\n", _LF | _CRLF: ("\n", "\r\n"),
                  _CR | _CRLF: ("\r", "\r\n"), _CR | _LF | _CRLF: ("\r", "\n", "\r\n")}


class _MemoryIO:
    """What StringIO and BytesIO share: the position is _pos, the closed
    flag _closed, and each class's _check_open raises its own closed-file
    error (StringIO's has no final period, as in CPython).
    """

    def __next__(self):
        self._check_open()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check_open()
        return self._pos

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    @property
    def closed(self):
        return self._closed


class StringIO(_MemoryIO, TextIOBase):
    """A text stream kept in memory.

    newline works as for open(): '\\n' (the default) stores text as given;
    None turns '\\r' and '\\r\\n' into '\\n' on write; '' stores text as
    given and ends lines at any of the three; '\\r' or '\\r\\n' replace each
    '\\n' written and end lines there.
    """

    __module__ = '_io'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._newline = newline
        self._seen = 0
        # The text is _buf followed by the strings in _tail: writes at the
        # end only append to _tail, which is joined when the text is needed.
        self._buf = ''
        self._tail = []
        self._size = 0
        self._pos = 0
        self._closed = False
        if initial_value:
            self._store(self._translate(initial_value))
            self._pos = 0

    def _check_open(self):
        if self._closed:
            raise _closed_error(False)

    def _translate(self, s):
        nl = self._newline
        if nl is None or nl == '':
            if '\r' in s:
                crlf = s.count('\r\n')
                if crlf:
                    self._seen |= _CRLF
                if s.count('\r') > crlf:
                    self._seen |= _CR
                if s.count('\n') > crlf:
                    self._seen |= _LF
                if nl is None:
                    s = s.replace('\r\n', '\n').replace('\r', '\n')
            elif '\n' in s:
                self._seen |= _LF
        elif nl != '\n' and '\n' in s:
            s = s.replace('\n', nl)
        return s

    def _text(self):
        if self._tail:
            self._buf += ''.join(self._tail)
            self._tail = []
        return self._buf

    def _store(self, s):
        n = len(s)
        if n == 0:
            return
        pos = self._pos
        if pos == self._size:
            self._tail.append(s)
            self._size = pos + n
        else:
            buf = self._text()
            if pos > self._size:
                buf += '\0' * (pos - self._size)
            buf = buf[:pos] + s + buf[pos + n:]
            self._buf = buf
            self._size = len(buf)
        self._pos = pos + n

    def write(self, s):
        """Write s at the current position and return len(s)."""
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        self._check_open()
        n = len(s)
        self._store(self._translate(s))
        return n

    def getvalue(self):
        """Return the whole text, whatever the position."""
        self._check_open()
        return self._text()

    def read(self, size=-1):
        size = _check_size(size)
        self._check_open()
        pos = self._pos
        if pos >= self._size:
            return ''
        buf = self._text()
        end = self._size if size < 0 else min(self._size, pos + size)
        self._pos = end
        return buf[pos:end]

    def _line_end(self, buf, pos):
        nl = self._newline
        if nl == '':
            cr = buf.find('\r', pos)
            lf = buf.find('\n', pos)
            if cr < 0:
                return len(buf) if lf < 0 else lf + 1
            if 0 <= lf < cr:
                return lf + 1
            if buf.startswith('\n', cr + 1):
                return cr + 2
            return cr + 1
        sep = '\n' if nl is None else nl
        i = buf.find(sep, pos)
        return len(buf) if i < 0 else i + len(sep)

    def readline(self, size=-1):
        size = _check_size(size)
        self._check_open()
        pos = self._pos
        if pos >= self._size:
            return ''
        buf = self._text()
        end = self._line_end(buf, pos)
        if size >= 0 and end > pos + size:
            end = pos + size
        self._pos = end
        return buf[pos:end]

    def seek(self, pos, whence=0):
        """Move to pos (whence 0), or to the current position or the end
        (whence 1 or 2, where pos must be 0). Returns the new position.
        """
        self._check_open()
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if whence == 0 and pos < 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._size
        self._pos = pos
        return pos

    def truncate(self, size=None):
        """Cut the text to size characters (default: the position); the
        position does not move. Returns size.
        """
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        if size < self._size:
            self._buf = self._text()[:size]
            self._size = size
        return size

    def flush(self):
        pass

    def close(self):
        self._closed = True
        self._buf = ''
        self._tail = []

    @property
    def line_buffering(self):
        self._check_open()
        return False

    @property
    def newlines(self):
        self._check_open()
        if self._newline is None or self._newline == '':
            return _NEWLINES_SEEN[self._seen]
        return None


def _as_bytes(b):
    if isinstance(b, (bytes, bytearray)):
        return b
    # Other bytes-like objects, where kaa has memoryview to read them.
    view_type = getattr(builtins, 'memoryview', None)
    if view_type is not None:
        try:
            return bytes(view_type(b))
        except TypeError:
            pass
    raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)


class BytesIO(_MemoryIO, BufferedIOBase):
    """A binary stream kept in memory (a bytearray)."""

    __module__ = '_io'

    def __init__(self, initial_bytes=None):
        self._buf = bytearray() if initial_bytes is None else bytearray(_as_bytes(initial_bytes))
        self._pos = 0
        self._closed = False

    def _check_closed(self):
        if self._closed:
            raise _closed_error()

    _check_open = _check_closed     # (the check _MemoryIO's methods make)

    def getvalue(self):
        """Return the whole contents as bytes, whatever the position."""
        self._check_closed()
        return bytes(self._buf)

    def getbuffer(self):
        """A memoryview of the contents; writes through it change them, and
        the stream cannot change size while it is alive.
        """
        self._check_closed()
        return memoryview(self._buf)

    def write(self, b):
        """Write b at the current position and return its length."""
        self._check_closed()
        b = _as_bytes(b)
        n = len(b)
        if n == 0:
            return 0
        pos = self._pos
        buf = self._buf
        if pos > len(buf):
            buf.extend(bytes(pos - len(buf)))
        if pos == len(buf):
            buf += b
        else:
            buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def read(self, size=-1):
        size = _check_size(size)
        self._check_closed()
        pos = self._pos
        n = len(self._buf)
        if pos >= n:
            return b''
        end = n if size < 0 else min(n, pos + size)
        self._pos = end
        return bytes(self._buf[pos:end])

    read1 = read

    def readinto(self, b):
        """Read up to len(b) bytes into the bytearray b; return the count."""
        self._check_closed()
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readline(self, size=-1):
        size = _check_size(size)
        self._check_closed()
        pos = self._pos
        buf = self._buf
        if pos >= len(buf):
            return b''
        i = buf.find(b'\n', pos)
        end = len(buf) if i < 0 else i + 1
        if size >= 0 and end > pos + size:
            end = pos + size
        self._pos = end
        return bytes(buf[pos:end])

    def readlines(self, hint=None):
        """Read a list of lines; with hint > 0, stop once at least hint
        bytes have been read.
        """
        hint = _check_size(hint)
        self._check_closed()
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        return self

    def seek(self, pos, whence=0):
        """Move to pos relative to the start, the current position or the
        end (whence 0, 1 or 2); a position before the start becomes 0.
        """
        self._check_closed()
        if whence not in (0, 1, 2):
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        if whence == 0 and pos < 0:
            raise ValueError("negative seek value %d" % pos)
        if whence == 1:
            pos += self._pos
        elif whence == 2:
            pos += len(self._buf)
        if pos < 0:
            pos = 0
        self._pos = pos
        return pos

    def truncate(self, size=None):
        """Cut the contents to size bytes (default: the position); the
        position does not move. Returns size.
        """
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("negative size value %d" % size)
        if size < len(self._buf):
            del self._buf[size:]
        return size

    def close(self):
        self._closed = True
        self._buf = bytearray()
