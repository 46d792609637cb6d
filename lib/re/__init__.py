"""Regular expressions (CPython 3.11's re module, written for kaa).

A pattern is parsed (re._parser) into a tree, compiled (re._compiler) into
instructions for a backtracking machine (re._engine) that keeps its choices on
an explicit stack, so long subjects do not need deep Python recursion. The
behaviour, error messages included, follows CPython's sre: str patterns are
Unicode-aware (\\d is str.isdecimal, \\w str.isalnum or '_', \\s str.isspace)
unless ASCII is given; bytes patterns work on bytes-like subjects with ASCII
rules; empty matches follow the 3.7 rules (an empty match may directly follow
a non-empty one).

Provided: compile, search, match, fullmatch, split, findall, finditer, sub,
subn, escape, purge, error, Pattern, Match, RegexFlag and the flags (A I L M S
X U T DEBUG NOFLAG), atomic groups and possessive quantifiers, conditional
groups, Pattern.scanner and re.Scanner. Not provided: re.template, the DEBUG
dump, real LOCALE behaviour (bytes with LOCALE act as ASCII), and the names
of \\N{...} escapes, which need a unicodedata module (kaa has none, so every
name is undefined). finditer() returns a generator.
"""

import enum
import sys
from types import GenericAlias

from . import _parser
from . import _compiler
from . import _engine
from ._parser import error

__all__ = [
    'match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer',
    'compile', 'purge', 'escape', 'error', 'Pattern', 'Match', 'A', 'I',
    'L', 'M', 'S', 'X', 'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL',
    'VERBOSE', 'UNICODE', 'NOFLAG', 'RegexFlag',
]

__version__ = '2.2.1'

# The flags in the order CPython defines them (the order of their names in
# a RegexFlag's repr).
_FLAG_NAMES = [
    ('ASCII', _parser.ASCII), ('IGNORECASE', _parser.IGNORECASE),
    ('LOCALE', _parser.LOCALE), ('UNICODE', _parser.UNICODE),
    ('MULTILINE', _parser.MULTILINE), ('DOTALL', _parser.DOTALL),
    ('VERBOSE', _parser.VERBOSE), ('TEMPLATE', _parser.TEMPLATE),
    ('DEBUG', _parser.DEBUG),
]


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    ASCII = A = _parser.ASCII
    IGNORECASE = I = _parser.IGNORECASE
    LOCALE = L = _parser.LOCALE
    UNICODE = U = _parser.UNICODE
    MULTILINE = M = _parser.MULTILINE
    DOTALL = S = _parser.DOTALL
    VERBOSE = X = _parser.VERBOSE
    TEMPLATE = T = _parser.TEMPLATE
    DEBUG = _parser.DEBUG

    # Shown as module globals ("re.IGNORECASE|re.MULTILINE"), as CPython's
    # enum.global_enum makes them.
    def __repr__(self):
        value = int(self)
        if value == 0:
            return 're.NOFLAG'
        names = []
        for name, bit in _FLAG_NAMES:
            if value & bit:
                names.append('re.' + name)
                value &= ~bit
        if not names:
            return 're.RegexFlag(%d)' % value
        if value:
            names.append(hex(value))
        return '|'.join(names)

    __str__ = __repr__

    def __format__(self, spec):
        return format(repr(self), spec)


NOFLAG = RegexFlag.NOFLAG
ASCII = A = RegexFlag.ASCII
IGNORECASE = I = RegexFlag.IGNORECASE
LOCALE = L = RegexFlag.LOCALE
UNICODE = U = RegexFlag.UNICODE
MULTILINE = M = RegexFlag.MULTILINE
DOTALL = S = RegexFlag.DOTALL
VERBOSE = X = RegexFlag.VERBOSE
TEMPLATE = T = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG

# The flags in the order Pattern's repr lists them.
_REPR_FLAGS = [
    ('TEMPLATE', _parser.TEMPLATE), ('IGNORECASE', _parser.IGNORECASE),
    ('LOCALE', _parser.LOCALE), ('MULTILINE', _parser.MULTILINE),
    ('DOTALL', _parser.DOTALL), ('UNICODE', _parser.UNICODE),
    ('VERBOSE', _parser.VERBOSE), ('DEBUG', _parser.DEBUG),
    ('ASCII', _parser.ASCII),
]


class _mappingproxy(dict):
    """A read-only view of a Pattern's group names (kaa has no
    types.MappingProxyType)."""

    def __repr__(self):
        return 'mappingproxy(%s)' % dict.__repr__(self)

    def __str__(self):
        return dict.__repr__(self)

    def _readonly(self, *args, **kwargs):
        raise TypeError("'mappingproxy' object does not support item assignment")

    __setitem__ = __delitem__ = _readonly
    clear = pop = popitem = setdefault = update = _readonly


_mappingproxy.__name__ = _mappingproxy.__qualname__ = 'mappingproxy'


def _subject(string, isbytes):
    """(text, sliceable): the subject as the str the engine reads, and the
    object whose slices are the groups (bytes for any bytes-like subject)."""
    if isinstance(string, str):
        if isbytes:
            raise TypeError('cannot use a bytes pattern on a string-like object')
        return string, string
    if type(string) is bytes:
        data = string
    else:
        try:
            data = bytes(memoryview(string))
        except TypeError:
            raise TypeError("expected string or bytes-like object, got '%s'"
                            % type(string).__name__) from None
    if not isbytes:
        raise TypeError('cannot use a string pattern on a bytes-like object')
    return data.decode('latin-1'), data


def _bounds(n, pos, endpos):
    if pos < 0:
        pos = 0
    elif pos > n:
        pos = n
    if endpos < 0:
        endpos = 0
    elif endpos > n:
        endpos = n
    return pos, endpos


class Pattern:
    """A compiled regular expression."""

    __slots__ = ('_pattern', '_flags', '_prog', '_groups', '_groupindex', '_isbytes',
                 '_names', '_templates')

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    @property
    def pattern(self):
        return self._pattern

    @property
    def flags(self):
        return self._flags

    @property
    def groups(self):
        return self._groups

    @property
    def groupindex(self):
        return self._groupindex

    def _run(self, string, pos, endpos, kind):
        text, data = _subject(string, self._isbytes)
        n = len(text)
        pos, endpos = _bounds(n, pos, endpos)
        end = endpos
        if end < pos:
            # sre matches empty at pos then, and searches nothing.
            if kind:
                return None
            end = pos
        prog = self._prog
        if kind != 1 or prog.anchored:
            last = pos
        else:
            last = end
        r = _engine.run(prog, text, pos, last, end, kind == 2, False)
        if r is None:
            return None
        return Match(self, string, data, r[0], r[1], pos, endpos)

    def match(self, string, pos=0, endpos=sys.maxsize):
        """Match at the start of string (or at pos)."""
        return self._run(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=sys.maxsize):
        """Find the first match anywhere in string."""
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=sys.maxsize):
        """Match all of string (from pos to endpos)."""
        return self._run(string, pos, endpos, 2)

    def _matches(self, text, pos, end, limit):
        """Generate (regs, lastindex) for successive matches, at most limit
        of them (0: no limit)."""
        prog = self._prog
        run = _engine.run
        anchored = prog.anchored
        must_advance = False
        n = 0
        while pos <= end:
            r = run(prog, text, pos, pos if anchored else end, end, False, must_advance)
            if r is None:
                return
            yield r
            n += 1
            if n == limit:
                return
            regs = r[0]
            must_advance = regs[0] == regs[1]
            pos = regs[1]

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        """An iterator of the Match objects of successive matches."""
        text, data = _subject(string, self._isbytes)
        pos, endpos = _bounds(len(text), pos, endpos)
        return self._iter_matches(string, text, data, pos, endpos, endpos)

    def _iter_matches(self, string, text, data, pos, end, endpos):
        for regs, lastindex in self._matches(text, pos, end, 0):
            yield Match(self, string, data, regs, lastindex, pos, endpos)

    def findall(self, string, pos=0, endpos=sys.maxsize):
        """A list of the matches: the whole match without groups, the group
        with one, a tuple of the groups with several ('' if unmatched)."""
        text, data = _subject(string, self._isbytes)
        pos, end = _bounds(len(text), pos, endpos)
        groups = self._groups
        empty = data[0:0]
        result = []
        for regs, lastindex in self._matches(text, pos, end, 0):
            if groups == 0:
                result.append(data[regs[0]:regs[1]])
            elif groups == 1:
                a = regs[2]
                b = regs[3]
                result.append(data[a:b] if a >= 0 and b >= a else empty)
            else:
                items = []
                for g in range(1, groups + 1):
                    a = regs[2 * g]
                    b = regs[2 * g + 1]
                    items.append(data[a:b] if a >= 0 and b >= a else empty)
                result.append(tuple(items))
        return result

    def split(self, string, maxsplit=0):
        """Split string at the matches; groups are kept in the result."""
        text, data = _subject(string, self._isbytes)
        if maxsplit < 0:
            return [data]
        groups = self._groups
        result = []
        last = 0
        for regs, lastindex in self._matches(text, 0, len(text), maxsplit):
            result.append(data[last:regs[0]])
            for g in range(1, groups + 1):
                a = regs[2 * g]
                b = regs[2 * g + 1]
                result.append(data[a:b] if a >= 0 and b >= a else None)
            last = regs[1]
        result.append(data[last:])
        return result

    def _template(self, repl):
        """A replacement template as a list of literals and group numbers."""
        try:
            return self._templates[repl]
        except KeyError:
            pass
        except TypeError:
            pass
        if self._isbytes:
            if not isinstance(repl, bytes):
                repl = bytes(memoryview(repl))
        elif not isinstance(repl, (str, bytes)):
            raise TypeError('decoding to str: need a bytes-like object, %s found'
                            % type(repl).__name__)
        parts = _parser.parse_template(repl, self._groups, self._groupindex)
        if not isinstance(repl, str):
            parts = [p.encode('latin-1') if isinstance(p, str) else p for p in parts]
        if len(self._templates) >= 100:
            self._templates.clear()
        self._templates[repl] = parts
        return parts

    def _subx(self, repl, string, count):
        text, data = _subject(string, self._isbytes)
        empty = data[0:0]
        func = None
        literal = None
        parts = None
        if callable(repl):
            func = repl
        else:
            if isinstance(repl, (str, bytes)) and '\\' not in (repl if isinstance(repl, str)
                                                             else repl.decode('latin-1')):
                literal = repl
            else:
                parts = self._template(repl)
                if len(parts) == 1 and not isinstance(parts[0], int):
                    literal = parts[0]
                elif not parts:
                    literal = empty
        pieces = []
        last = 0
        n = 0
        if count < 0:
            return data, 0
        for regs, lastindex in self._matches(text, 0, len(text), count):
            pieces.append(data[last:regs[0]])
            if literal is not None:
                pieces.append(literal)
            elif func is not None:
                item = func(Match(self, string, data, regs, lastindex, 0, len(text)))
                if item is not None:
                    pieces.append(item)
            else:
                for p in parts:
                    if isinstance(p, int):
                        a = regs[2 * p]
                        b = regs[2 * p + 1]
                        if a >= 0 and b >= a:
                            pieces.append(data[a:b])
                    else:
                        pieces.append(p)
            last = regs[1]
            n += 1
        if n == 0:
            return data[:], 0
        pieces.append(data[last:])
        return empty.join(pieces), n

    def sub(self, repl, string, count=0):
        """string with the matches replaced by repl (a template or a
        function of the Match)."""
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """(new string, number of replacements)."""
        return self._subx(repl, string, count)

    def scanner(self, string, pos=0, endpos=sys.maxsize):
        return SRE_Scanner(self, string, pos, endpos)

    def __repr__(self):
        flags = self._flags
        if not self._isbytes and flags & (_parser.LOCALE | _parser.UNICODE | _parser.ASCII) \
                == _parser.UNICODE:
            flags &= ~_parser.UNICODE
        names = []
        for name, bit in _REPR_FLAGS:
            if flags & bit:
                names.append('re.' + name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        text = repr(self._pattern)[:200]
        if names:
            return 're.compile(%s, %s)' % (text, '|'.join(names))
        return 're.compile(%s)' % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self._pattern == other._pattern and self._flags == other._flags
                and self._isbytes == other._isbytes)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __hash__(self):
        return hash((self._pattern, self._flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    __class_getitem__ = classmethod(GenericAlias)


def _make_pattern(pattern, flags):
    tree, state = _parser.parse(pattern, flags)
    return _pattern_from_tree(pattern, tree, state, not isinstance(pattern, str))


def _pattern_from_tree(pattern, tree, state, isbytes):
    prog = _compiler.compile(tree, state, isbytes)
    p = object.__new__(Pattern)
    p._pattern = pattern
    p._flags = state.flags
    p._prog = prog
    p._groups = state.groups - 1
    p._groupindex = _mappingproxy(state.groupdict)
    p._isbytes = isbytes
    names = {}
    for name, gid in state.groupdict.items():
        names[gid] = name
    p._names = names
    p._templates = {}
    return p


class SRE_Scanner:
    """What Pattern.scanner() returns: match() and search() give the next
    match, starting where the previous one ended, then None for good."""

    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._text, self._data = _subject(string, pattern._isbytes)
        self._pos, self._endpos = _bounds(len(self._text), pos, endpos)
        self._start = self._pos
        self._must_advance = False

    def _next(self, search):
        start = self._start
        end = self._endpos
        if start is None or start > end:
            self._start = None
            return None
        prog = self.pattern._prog
        last = end if search and not prog.anchored else start
        r = _engine.run(prog, self._text, start, last, end, False, self._must_advance)
        if r is None:
            self._start = None
            return None
        regs = r[0]
        self._must_advance = regs[0] == regs[1]
        self._start = regs[1]
        return Match(self.pattern, self._string, self._data, regs, r[1], self._pos, self._endpos)

    def match(self):
        return self._next(False)

    def search(self):
        return self._next(True)


SRE_Scanner.__module__ = '_sre'


class Scanner:
    """A simple lexer (undocumented in CPython, but used): lexicon is a list
    of (pattern, action) pairs; scan() matches them at successive places and
    collects the actions' results (action(scanner, text) when callable)."""

    def __init__(self, lexicon, flags=0):
        if isinstance(flags, RegexFlag):
            flags = flags.value
        self.lexicon = lexicon
        branches = []
        widths = [None]
        isbytes = False
        for phrase, action in lexicon:
            tree, state = _parser.parse(phrase, flags)
            isbytes = not isinstance(phrase, str)
            branches.append([(_parser.GROUP, len(widths), 0, 0, tree)])
            widths.append(_parser.getwidth(tree, state))
        # Groups inside the phrases are numbered from 1 in each (as in
        # CPython): leave room for their marks.
        for phrase, action in lexicon:
            inner = _parser.parse(phrase, flags)[1].groups
            while len(widths) < inner:
                widths.append((0, _parser.MAXREPEAT))
        state = _parser.State(flags)
        state.flags = _parser.fix_flags('' if not isbytes else b'', flags)
        state.groupwidths = widths
        tree = [(_parser.BRANCH, branches)] if len(branches) > 1 else branches[0]
        self.scanner = _pattern_from_tree(None, tree, state, isbytes)

    def scan(self, string):
        result = []
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[m.lastindex - 1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = j
        return result, string[i:]


class Match:
    """The result of a successful match."""

    __slots__ = ('_re', '_string', '_data', '_regs', '_lastindex', '_pos', '_endpos')

    def __init__(self, pattern, string, data, regs, lastindex, pos, endpos):
        self._re = pattern
        self._string = string
        self._data = data
        self._regs = regs
        self._lastindex = lastindex
        self._pos = pos
        self._endpos = endpos

    @property
    def re(self):
        return self._re

    @property
    def string(self):
        return self._string

    @property
    def pos(self):
        return self._pos

    @property
    def endpos(self):
        return self._endpos

    @property
    def lastindex(self):
        if self._lastindex < 0:
            return None
        return self._lastindex

    @property
    def lastgroup(self):
        if self._lastindex < 0:
            return None
        return self._re._names.get(self._lastindex)

    @property
    def regs(self):
        return tuple([self.span(g) for g in range(self._re._groups + 1)])

    def _index(self, group):
        if isinstance(group, int):
            if 0 <= group <= self._re._groups:
                return int(group)
        elif not isinstance(group, (float, complex)):
            gid = self._re._groupindex.get(group)
            if gid is not None:
                return gid
        raise IndexError('no such group')

    def _get(self, g, default):
        regs = self._regs
        a = regs[2 * g]
        b = regs[2 * g + 1]
        if a < 0 or b < a:
            return default
        return self._data[a:b]

    def group(self, *groups):
        """One group (the whole match by default), or a tuple of several."""
        if not groups:
            regs = self._regs
            return self._data[regs[0]:regs[1]]
        if len(groups) == 1:
            return self._get(self._index(groups[0]), None)
        return tuple([self._get(self._index(g), None) for g in groups])

    def __getitem__(self, group):
        return self._get(self._index(group), None)

    def groups(self, default=None):
        """A tuple of all the groups; default for those that did not match."""
        return tuple([self._get(g, default) for g in range(1, self._re._groups + 1)])

    def groupdict(self, default=None):
        """A dict of the named groups."""
        result = {}
        for name, gid in self._re._groupindex.items():
            result[name] = self._get(gid, default)
        return result

    def start(self, group=0):
        g = self._index(group)
        return self._regs[2 * g]

    def end(self, group=0):
        g = self._index(group)
        return self._regs[2 * g + 1]

    def span(self, group=0):
        g = self._index(group)
        return self._regs[2 * g], self._regs[2 * g + 1]

    def expand(self, template):
        """template with its group references replaced by the groups."""
        parts = self._re._template(template)
        empty = self._data[0:0]
        pieces = []
        for p in parts:
            if isinstance(p, int):
                v = self._get(p, None)
                if v is not None:
                    pieces.append(v)
            else:
                pieces.append(p)
        return empty.join(pieces)

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%s>' % (
            self._regs[0], self._regs[1], repr(self.group(0))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    __class_getitem__ = classmethod(GenericAlias)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    except TypeError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    p = _make_pattern(pattern, flags)
    if not flags & _parser.DEBUG:
        if len(_cache) >= _MAXCACHE:
            # Drop the oldest entry.
            del _cache[next(iter(_cache))]
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def purge():
    """Clear the regular expression cache."""
    _cache.clear()


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning a
    Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning a Match
    object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning a
    Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost non-overlapping
    occurrences of the pattern in string by the replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern, returning
    a list containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


_SPECIAL_CHARS = {}
for _c in '()[]{}?*+-|^$\\.&~# \t\n\r\v\f':
    _SPECIAL_CHARS[ord(_c)] = '\\' + _c
del _c


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_SPECIAL_CHARS)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_SPECIAL_CHARS).encode('latin1')
