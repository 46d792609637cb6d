"""Printing and extracting tracebacks (CPython's traceback module, for kaa).

The text is what kaa prints for an uncaught exception (source lines, ^ and
~ markers, chained exceptions), made by the interpreter (_traceback). kaa
has no frame objects yet, so the *_stack functions and TracebackException
are missing, and a traceback's entries come as FrameSummary objects built
from the code and line each entry recorded.
"""
import sys
import _traceback

__all__ = ['extract_tb', 'format_exc', 'format_exception', 'format_exception_only',
           'format_list', 'format_tb', 'print_exc', 'print_exception', 'print_last',
           'print_tb', 'print_list', 'FrameSummary', 'StackSummary']

_sentinel = object()


def _exception(exc, value):
    # print_exception(exc) or the old print_exception(type, value, tb).
    if value is not _sentinel:
        return value
    return exc


def _lines(text):
    return text.splitlines(keepends=True)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines print_exception would print, as a list of strings."""
    exc = _exception(exc, value)
    if exc is None:
        return ['NoneType: None\n']
    return _lines(_traceback.format_exception(exc, limit, chain))


def format_exception_only(exc, /, value=_sentinel):
    """The exception line(s) without the traceback: ['ValueError: bad\\n']."""
    exc = _exception(exc, value)
    if exc is None:
        return ['NoneType: None\n']
    return _lines(_traceback.format_exception(exc, 0, False))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print an exception and its traceback to file (sys.stderr by default)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    """The exception being handled, formatted as print_exc prints it."""
    return ''.join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled (in an except block)."""
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, 'last_value'):
        raise ValueError('no last exception')
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


class FrameSummary:
    """One traceback entry: filename, lineno, name and the source line."""

    __slots__ = ('filename', 'lineno', 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals

    @property
    def line(self):
        return self._line

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)


class StackSummary(list):
    """A list of FrameSummary objects."""

    @classmethod
    def from_list(cls, a_list):
        result = cls()
        for item in a_list:
            if isinstance(item, FrameSummary):
                result.append(item)
            else:
                filename, lineno, name, line = item
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format(self):
        out = []
        for f in self:
            text = '  File "{}", line {}, in {}\n'.format(f.filename, f.lineno, f.name)
            if f.line:
                text += '    {}\n'.format(f.line.strip())
            out.append(text)
        return out


def extract_tb(tb, limit=None):
    """The entries of a traceback as a StackSummary."""
    return StackSummary.from_list(_traceback.extract_tb(tb, limit))


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in format_list(extracted_list):
        print(item, file=file, end='')


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)
