"""The regular expression parser of kaa's re module.

parse() turns a pattern into a tree: a sequence is a list of nodes, and a node
is a tuple whose first item is one of the node kinds below. Scoped flags stay
in the tree (on GROUP nodes) and are applied by the compiler, as CPython's sre
does; only VERBOSE acts while parsing. Errors carry CPython's messages and
positions, so the tokenizer works as sre's does: a token is one character or a
backslash and the character after it, and positions are counted in tokens
consumed (Source.tell()).

parse_template() splits a sub() replacement into literal text and group
references.

Bytes patterns are parsed as text decoded from latin-1, so every character
stands for one byte.
"""

__all__ = ['error', 'parse', 'parse_template', 'getwidth']

# Flag bits, as CPython numbers them.
TEMPLATE = 1
IGNORECASE = 2
LOCALE = 4
MULTILINE = 8
DOTALL = 16
UNICODE = 32
VERBOSE = 64
DEBUG = 128
ASCII = 256

TYPE_FLAGS = ASCII | LOCALE | UNICODE
GLOBAL_FLAGS = DEBUG | TEMPLATE

FLAG_LETTERS = {
    'i': IGNORECASE, 'L': LOCALE, 'm': MULTILINE, 's': DOTALL,
    'x': VERBOSE, 'a': ASCII, 't': TEMPLATE, 'u': UNICODE,
}

# Repeat counts must be below this (the C engine stores them in 32 bits); it
# also stands for "no upper bound".
MAXREPEAT = 4294967295
MAXGROUPS = 2147483647

# Node kinds.
LITERAL = 1     # (LITERAL, ch)
ANY = 2         # (ANY,)
IN = 3          # (IN, items, negate); items: ('c', ch) ('r', lo, hi) ('cat', 'd')
AT = 4          # (AT, kind); kind is one of 'A' 'Z' '^' '$' 'b' 'B'
GROUP = 5       # (GROUP, gid or None, add_flags, del_flags, seq)
BRANCH = 6      # (BRANCH, [seq, ...])
REPEAT = 7      # (REPEAT, min, max, mode, seq); mode 'g' greedy 'l' lazy 'p' possessive
GROUPREF = 8    # (GROUPREF, gid)
ASSERT = 9      # (ASSERT, dir, negate, seq); dir 1 ahead, -1 behind
ATOMIC = 10     # (ATOMIC, seq)
EXISTS = 11     # (EXISTS, gid, yes_seq, no_seq or None)

DIGITS = frozenset('0123456789')
OCTDIGITS = frozenset('01234567')
HEXDIGITS = frozenset('0123456789abcdefABCDEF')
ASCIILETTERS = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')
WHITESPACE = frozenset(' \t\n\r\v\f')
SPECIAL_CHARS = frozenset('.\\[{()*+?^$|')
REPEAT_CHARS = frozenset('*+?{')

# Escapes that stand for one character, in patterns and templates.
ESCAPES = {
    '\\a': '\a', '\\b': '\b', '\\f': '\f', '\\n': '\n', '\\r': '\r',
    '\\t': '\t', '\\v': '\v', '\\\\': '\\',
}

# Escapes that stand for a class or a position (outside a class).
CATEGORIES = {
    '\\A': (AT, 'A'), '\\Z': (AT, 'Z'), '\\b': (AT, 'b'), '\\B': (AT, 'B'),
    '\\d': (IN, [('cat', 'd')], False), '\\D': (IN, [('cat', 'D')], False),
    '\\s': (IN, [('cat', 's')], False), '\\S': (IN, [('cat', 'S')], False),
    '\\w': (IN, [('cat', 'w')], False), '\\W': (IN, [('cat', 'W')], False),
}


class error(Exception):
    """Exception raised for invalid regular expressions.

    Attributes: msg (the message without the position), pattern, pos (an
    index into pattern, or None), lineno and colno (from 1, or None).
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = 're'


class Source:
    """The pattern as a stream of tokens, with one token of lookahead."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.istext = isinstance(pattern, str)
        if self.istext:
            self.text = pattern
        else:
            self.text = bytes(pattern).decode('latin-1')
        self.index = 0
        self.next = None
        self.advance()

    def advance(self):
        text = self.text
        i = self.index
        if i >= len(text):
            self.next = None
            return
        c = text[i]
        if c == '\\':
            if i + 1 >= len(text):
                raise error('bad escape (end of pattern)', self.pattern, len(text) - 1)
            c = text[i:i + 2]
        self.index = i + len(c)
        self.next = c

    def match(self, token):
        if self.next == token:
            self.advance()
            return True
        return False

    def get(self):
        token = self.next
        self.advance()
        return token

    def getwhile(self, n, charset):
        result = ''
        for _ in range(n):
            c = self.next
            if c not in charset:
                break
            result += c
            self.advance()
        return result

    def getuntil(self, terminator, name):
        result = ''
        while True:
            c = self.next
            self.advance()
            if c is None:
                if not result:
                    raise self.error('missing ' + name)
                raise self.error('missing %s, unterminated name' % terminator, len(result))
            if c == terminator:
                if not result:
                    raise self.error('missing ' + name, 1)
                return result
            result += c

    def tell(self):
        return self.index - len(self.next or '')

    def seek(self, index):
        self.index = index
        self.advance()

    def error(self, msg, offset=0):
        return error(msg, self.pattern, self.tell() - offset)

    def checkgroupname(self, name, offset):
        if not name.isidentifier():
            raise self.error('bad character in group name %r' % name, len(name) + offset)


class State:
    """What the parser knows about groups while it reads a pattern."""

    def __init__(self, flags):
        self.flags = flags
        self.groupdict = {}
        self.groupwidths = [None]     # None while a group is open
        self.lookbehindgroups = None
        self.grouprefpos = {}

    @property
    def groups(self):
        return len(self.groupwidths)

    def opengroup(self, name=None):
        gid = self.groups
        self.groupwidths.append(None)
        if gid > MAXGROUPS:
            raise error('too many groups')
        if name is not None:
            ogid = self.groupdict.get(name)
            if ogid is not None:
                raise error('redefinition of group name %r as group %d; was group %d'
                            % (name, gid, ogid))
            self.groupdict[name] = gid
        return gid

    def closegroup(self, gid, seq):
        self.groupwidths[gid] = getwidth(seq, self)

    def checkgroup(self, gid):
        return gid < self.groups and self.groupwidths[gid] is not None

    def checklookbehindgroup(self, gid, source):
        if self.lookbehindgroups is not None:
            if not self.checkgroup(gid):
                raise source.error('cannot refer to an open group')
            if gid >= self.lookbehindgroups:
                raise source.error('cannot refer to group defined in the same '
                                   'lookbehind subpattern')


def getwidth(seq, state):
    """The least and greatest number of characters seq can match."""
    lo = hi = 0
    for node in seq:
        kind = node[0]
        if kind == LITERAL or kind == ANY or kind == IN:
            lo += 1
            hi += 1
        elif kind == GROUP:
            i, j = getwidth(node[4], state)
            lo += i
            hi += j
        elif kind == ATOMIC:
            i, j = getwidth(node[1], state)
            lo += i
            hi += j
        elif kind == BRANCH:
            i = MAXREPEAT - 1
            j = 0
            for branch in node[1]:
                l, h = getwidth(branch, state)
                i = min(i, l)
                j = max(j, h)
            lo += i
            hi += j
        elif kind == REPEAT:
            i, j = getwidth(node[4], state)
            lo += i * node[1]
            hi += j * node[2]
        elif kind == GROUPREF:
            i, j = state.groupwidths[node[1]]
            lo += i
            hi += j
        elif kind == EXISTS:
            i, j = getwidth(node[2], state)
            if node[3] is not None:
                l, h = getwidth(node[3], state)
                i = min(i, l)
                j = max(j, h)
            else:
                i = 0
            lo += i
            hi += j
    return min(lo, MAXREPEAT - 1), min(hi, MAXREPEAT)


def parse(pattern, flags):
    """Parse pattern (str or bytes); return (tree, state). Raises error."""
    source = Source(pattern)
    state = State(flags)
    seq = parse_sub(source, state, flags & VERBOSE, 0)
    state.flags = fix_flags(pattern, state.flags)
    if source.next is not None:
        raise source.error('unbalanced parenthesis')
    for gid in state.grouprefpos:
        if gid >= state.groups:
            raise error('invalid group reference %d' % gid, pattern, state.grouprefpos[gid])
    return seq, state


def fix_flags(pattern, flags):
    if isinstance(pattern, str):
        if flags & LOCALE:
            raise ValueError('cannot use LOCALE flag with a str pattern')
        if not flags & ASCII:
            flags |= UNICODE
        elif flags & UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
    else:
        if flags & UNICODE:
            raise ValueError('cannot use UNICODE flag with a bytes pattern')
        if flags & LOCALE and flags & ASCII:
            raise ValueError('ASCII and LOCALE flags are incompatible')
    return flags


def parse_sub(source, state, verbose, nested):
    """Alternatives separated by '|', up to ')' or the end."""
    branches = []
    while True:
        if not nested:
            verbose = state.flags & VERBOSE
        branches.append(parse_seq(source, state, verbose, nested + 1,
                                  not nested and not branches))
        if not source.match('|'):
            break
    if len(branches) == 1:
        return branches[0]
    return [(BRANCH, branches)]


def parse_seq(source, state, verbose, nested, first):
    """One alternative: a sequence of items, up to '|', ')' or the end."""
    seq = []
    append = seq.append
    while True:
        this = source.next
        if this is None or this == '|' or this == ')':
            break
        source.advance()
        if verbose:
            if this in WHITESPACE:
                continue
            if this == '#':
                while True:
                    this = source.get()
                    if this is None or this == '\n':
                        break
                continue
        if this[0] == '\\':
            append(parse_escape(source, this, state))
        elif this not in SPECIAL_CHARS:
            append((LITERAL, this))
        elif this == '[':
            append(parse_class(source))
        elif this in REPEAT_CHARS:
            parse_repeat(source, this, seq)
        elif this == '.':
            append((ANY,))
        elif this == '(':
            node = parse_group(source, state, verbose, nested, first, seq)
            if node is not None:
                append(node)
            elif state.flags & VERBOSE:
                # A global (?x) at the start: the rest is verbose.
                verbose = VERBOSE
        elif this == '^':
            append((AT, '^'))
        elif this == '$':
            append((AT, '$'))
    return seq


def parse_repeat(source, this, seq):
    """A quantifier after an item: replace the last node of seq by a REPEAT."""
    here = source.tell()
    if this == '?':
        lo, hi = 0, 1
    elif this == '*':
        lo, hi = 0, MAXREPEAT
    elif this == '+':
        lo, hi = 1, MAXREPEAT
    else:
        # '{': a repeat count, or else a literal brace.
        if source.next == '}':
            seq.append((LITERAL, '{'))
            return
        lo, hi = 0, MAXREPEAT
        low = ''
        while source.next in DIGITS:
            low += source.get()
        if source.match(','):
            high = ''
            while source.next in DIGITS:
                high += source.get()
        else:
            high = low
        if not source.match('}'):
            seq.append((LITERAL, '{'))
            source.seek(here)
            return
        if low:
            lo = int(low)
            if lo >= MAXREPEAT:
                raise OverflowError('the repetition number is too large')
        if high:
            hi = int(high)
            if hi >= MAXREPEAT:
                raise OverflowError('the repetition number is too large')
            if hi < lo:
                raise source.error('min repeat greater than max repeat', source.tell() - here)
    item = seq[-1] if seq else None
    if item is None or item[0] == AT:
        raise source.error('nothing to repeat', source.tell() - here + len(this))
    if item[0] == REPEAT:
        raise source.error('multiple repeat', source.tell() - here + len(this))
    if item[0] == GROUP and item[1] is None and not item[2] and not item[3]:
        body = item[4]
    else:
        body = [item]
    if source.match('?'):
        mode = 'l'
    elif source.match('+'):
        mode = 'p'
    else:
        mode = 'g'
    seq[-1] = (REPEAT, lo, hi, mode, body)


def parse_escape(source, escape, state):
    """A backslash escape outside a character class."""
    node = CATEGORIES.get(escape)
    if node is not None:
        return node
    ch = ESCAPES.get(escape)
    if ch is not None:
        return (LITERAL, ch)
    c = escape[1]
    if c == 'x':
        escape += source.getwhile(2, HEXDIGITS)
        if len(escape) != 4:
            raise source.error('incomplete escape %s' % escape, len(escape))
        return (LITERAL, chr(int(escape[2:], 16)))
    if c == 'u' and source.istext:
        escape += source.getwhile(4, HEXDIGITS)
        if len(escape) != 6:
            raise source.error('incomplete escape %s' % escape, len(escape))
        return (LITERAL, chr(int(escape[2:], 16)))
    if c == 'U' and source.istext:
        escape += source.getwhile(8, HEXDIGITS)
        if len(escape) != 10:
            raise source.error('incomplete escape %s' % escape, len(escape))
        code = int(escape[2:], 16)
        if code > 0x10FFFF:
            raise source.error('bad escape %s' % escape, len(escape))
        return (LITERAL, chr(code))
    if c == 'N' and source.istext:
        return (LITERAL, named_char(source))
    if c == '0':
        escape += source.getwhile(2, OCTDIGITS)
        return (LITERAL, chr(int(escape[1:], 8)))
    if c in DIGITS:
        # An octal escape (three octal digits) or a group reference.
        if source.next in DIGITS:
            escape += source.get()
            if escape[1] in OCTDIGITS and escape[2] in OCTDIGITS and source.next in OCTDIGITS:
                escape += source.get()
                code = int(escape[1:], 8)
                if code > 0o377:
                    raise source.error('octal escape value %s outside of range 0-0o377'
                                       % escape, len(escape))
                return (LITERAL, chr(code))
        gid = int(escape[1:])
        if gid < state.groups:
            if not state.checkgroup(gid):
                raise source.error('cannot refer to an open group', len(escape))
            state.checklookbehindgroup(gid, source)
            return (GROUPREF, gid)
        raise source.error('invalid group reference %d' % gid, len(escape) - 1)
    if c in ASCIILETTERS:
        raise source.error('bad escape %s' % escape, len(escape))
    return (LITERAL, c)


def named_char(source):
    """The character of a \\N{NAME} escape; the \\N has been read."""
    if not source.match('{'):
        raise source.error('missing {')
    name = source.getuntil('}', 'character name')
    try:
        import unicodedata
        return unicodedata.lookup(name)
    except (ImportError, KeyError, TypeError):
        # Without a unicodedata module (kaa has none yet) no name is known.
        raise source.error('undefined character name %r' % name,
                           len(name) + len('\\N{}')) from None


def parse_class_escape(source, escape):
    """A backslash escape inside a character class: a class item."""
    ch = ESCAPES.get(escape)
    if ch is not None:
        return ('c', ch)
    node = CATEGORIES.get(escape)
    if node is not None and node[0] == IN:
        return node[1][0]
    c = escape[1]
    if c == 'x':
        escape += source.getwhile(2, HEXDIGITS)
        if len(escape) != 4:
            raise source.error('incomplete escape %s' % escape, len(escape))
        return ('c', chr(int(escape[2:], 16)))
    if c == 'u' and source.istext:
        escape += source.getwhile(4, HEXDIGITS)
        if len(escape) != 6:
            raise source.error('incomplete escape %s' % escape, len(escape))
        return ('c', chr(int(escape[2:], 16)))
    if c == 'U' and source.istext:
        escape += source.getwhile(8, HEXDIGITS)
        if len(escape) != 10:
            raise source.error('incomplete escape %s' % escape, len(escape))
        code = int(escape[2:], 16)
        if code > 0x10FFFF:
            raise source.error('bad escape %s' % escape, len(escape))
        return ('c', chr(code))
    if c == 'N' and source.istext:
        return ('c', named_char(source))
    if c in OCTDIGITS:
        escape += source.getwhile(2, OCTDIGITS)
        code = int(escape[1:], 8)
        if code > 0o377:
            raise source.error('octal escape value %s outside of range 0-0o377'
                               % escape, len(escape))
        return ('c', chr(code))
    if c in DIGITS or c in ASCIILETTERS:
        raise source.error('bad escape %s' % escape, len(escape))
    return ('c', c)


def parse_class(source):
    """A character class; the '[' has been read."""
    here = source.tell() - 1
    items = []
    negate = source.match('^')
    while True:
        this = source.get()
        if this is None:
            raise source.error('unterminated character set', source.tell() - here)
        if this == ']' and items:
            break
        if this[0] == '\\':
            item = parse_class_escape(source, this)
        else:
            item = ('c', this)
        if source.match('-'):
            that = source.get()
            if that is None:
                raise source.error('unterminated character set', source.tell() - here)
            if that == ']':
                items.append(item)
                items.append(('c', '-'))
                break
            if that[0] == '\\':
                item2 = parse_class_escape(source, that)
            else:
                item2 = ('c', that)
            if item[0] != 'c' or item2[0] != 'c' or item2[1] < item[1]:
                raise source.error('bad character range %s-%s' % (this, that),
                                   len(this) + 1 + len(that))
            items.append(('r', ord(item[1]), ord(item2[1])))
        else:
            items.append(item)
    if len(items) == 1 and items[0][0] == 'c' and not negate:
        return (LITERAL, items[0][1])
    return (IN, items, negate)


def parse_flags(source, state, char):
    """Inline flags after '(?'. None for global flags (then ')' was read),
    else (add_flags, del_flags) for a scoped group (then ':' was read)."""
    add_flags = 0
    del_flags = 0
    if char != '-':
        while True:
            flag = FLAG_LETTERS[char]
            if source.istext:
                if char == 'L':
                    raise source.error("bad inline flags: cannot use 'L' flag with a str pattern")
            elif char == 'u':
                raise source.error("bad inline flags: cannot use 'u' flag with a bytes pattern")
            add_flags |= flag
            if flag & TYPE_FLAGS and add_flags & TYPE_FLAGS != flag:
                raise source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
            char = source.get()
            if char is None:
                raise source.error('missing -, : or )')
            if char in ')-:':
                break
            if char not in FLAG_LETTERS:
                msg = 'unknown flag' if char.isalpha() else 'missing -, : or )'
                raise source.error(msg, len(char))
    if char == ')':
        state.flags |= add_flags
        return None
    if add_flags & GLOBAL_FLAGS:
        raise source.error('bad inline flags: cannot turn on global flag', 1)
    if char == '-':
        char = source.get()
        if char is None:
            raise source.error('missing flag')
        if char not in FLAG_LETTERS:
            msg = 'unknown flag' if char.isalpha() else 'missing flag'
            raise source.error(msg, len(char))
        while True:
            flag = FLAG_LETTERS[char]
            if flag & TYPE_FLAGS:
                raise source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
            del_flags |= flag
            char = source.get()
            if char is None:
                raise source.error('missing :')
            if char == ':':
                break
            if char not in FLAG_LETTERS:
                msg = 'unknown flag' if char.isalpha() else 'missing :'
                raise source.error(msg, len(char))
    if del_flags & GLOBAL_FLAGS:
        raise source.error('bad inline flags: cannot turn off global flag', 1)
    if add_flags & del_flags:
        raise source.error('bad inline flags: flag turned on and off', 1)
    return add_flags, del_flags


def parse_group(source, state, verbose, nested, first, seq):
    """What follows '(': a node, or None for a comment or global flags."""
    start = source.tell() - 1
    capture = True
    atomic = False
    name = None
    add_flags = del_flags = 0
    if source.match('?'):
        char = source.get()
        if char is None:
            raise source.error('unexpected end of pattern')
        if char == 'P':
            if source.match('<'):
                name = source.getuntil('>', 'group name')
                source.checkgroupname(name, 1)
            elif source.match('='):
                name = source.getuntil(')', 'group name')
                source.checkgroupname(name, 1)
                gid = state.groupdict.get(name)
                if gid is None:
                    raise source.error('unknown group name %r' % name, len(name) + 1)
                if not state.checkgroup(gid):
                    raise source.error('cannot refer to an open group', len(name) + 1)
                state.checklookbehindgroup(gid, source)
                return (GROUPREF, gid)
            else:
                char = source.get()
                if char is None:
                    raise source.error('unexpected end of pattern')
                raise source.error('unknown extension ?P' + char, len(char) + 2)
        elif char == ':':
            capture = False
        elif char == '#':
            while True:
                if source.next is None:
                    raise source.error('missing ), unterminated comment', source.tell() - start)
                if source.get() == ')':
                    return None
        elif char in '=!<':
            direction = 1
            lookbehindgroups = None
            if char == '<':
                char = source.get()
                if char is None:
                    raise source.error('unexpected end of pattern')
                if char not in '=!':
                    raise source.error('unknown extension ?<' + char, len(char) + 2)
                direction = -1
                lookbehindgroups = state.lookbehindgroups
                if lookbehindgroups is None:
                    state.lookbehindgroups = state.groups
            body = parse_sub(source, state, verbose, nested + 1)
            if direction < 0 and lookbehindgroups is None:
                state.lookbehindgroups = None
            if not source.match(')'):
                raise source.error('missing ), unterminated subpattern', source.tell() - start)
            return (ASSERT, direction, char == '!', body)
        elif char == '(':
            condname = source.getuntil(')', 'group name')
            if condname.isidentifier():
                condgroup = state.groupdict.get(condname)
                if condgroup is None:
                    raise source.error('unknown group name %r' % condname, len(condname) + 1)
            else:
                if condname.isdigit() and condname.isascii():
                    condgroup = int(condname)
                else:
                    raise source.error('bad character in group name %r' % condname,
                                       len(condname) + 1)
                if not condgroup:
                    raise source.error('bad group number', len(condname) + 1)
                if condgroup >= MAXGROUPS:
                    raise source.error('invalid group reference %d' % condgroup,
                                       len(condname) + 1)
                if condgroup not in state.grouprefpos:
                    state.grouprefpos[condgroup] = source.tell() - len(condname) - 1
            state.checklookbehindgroup(condgroup, source)
            yes = parse_seq(source, state, verbose, nested + 1, False)
            if source.match('|'):
                no = parse_seq(source, state, verbose, nested + 1, False)
                if source.next == '|':
                    raise source.error('conditional backref with more than two branches')
            else:
                no = None
            if not source.match(')'):
                raise source.error('missing ), unterminated subpattern', source.tell() - start)
            return (EXISTS, condgroup, yes, no)
        elif char == '>':
            capture = False
            atomic = True
        elif char in FLAG_LETTERS or char == '-':
            flags = parse_flags(source, state, char)
            if flags is None:
                if not first or seq:
                    raise source.error('global flags not at the start of the expression',
                                       source.tell() - start)
                return None
            add_flags, del_flags = flags
            capture = False
        else:
            raise source.error('unknown extension ?' + char, len(char) + 1)
    if capture:
        try:
            gid = state.opengroup(name)
        except error as err:
            raise source.error(err.msg, len(name) + 1) from None
    else:
        gid = None
    sub_verbose = (verbose or add_flags & VERBOSE) and not del_flags & VERBOSE
    body = parse_sub(source, state, sub_verbose, nested + 1)
    if not source.match(')'):
        raise source.error('missing ), unterminated subpattern', source.tell() - start)
    if gid is not None:
        state.closegroup(gid, body)
    if atomic:
        return (ATOMIC, body)
    return (GROUP, gid, add_flags, del_flags, body)


def parse_template(repl, groups, groupindex):
    """Split a replacement template into a list of parts: literal strings
    (decoded from latin-1 for bytes) and group numbers. Raises error, or
    IndexError for an unknown group name."""
    source = Source(repl)
    parts = []
    literal = []

    def addgroup(index, offset):
        if index > groups:
            raise source.error('invalid group reference %d' % index, offset)
        if literal:
            parts.append(''.join(literal))
            del literal[:]
        parts.append(index)

    while True:
        this = source.get()
        if this is None:
            break
        if this[0] != '\\':
            literal.append(this)
            continue
        c = this[1]
        if c == 'g':
            if not source.match('<'):
                raise source.error('missing <')
            name = source.getuntil('>', 'group name')
            if name.isidentifier():
                try:
                    index = groupindex[name]
                except KeyError:
                    raise IndexError('unknown group name %r' % name) from None
            else:
                if name.isdigit() and name.isascii():
                    index = int(name)
                else:
                    raise source.error('bad character in group name %r' % name, len(name) + 1)
                if index >= MAXGROUPS:
                    raise source.error('invalid group reference %d' % index, len(name) + 1)
            addgroup(index, len(name) + 1)
        elif c == '0':
            if source.next in OCTDIGITS:
                this += source.get()
                if source.next in OCTDIGITS:
                    this += source.get()
            literal.append(chr(int(this[1:], 8) & 0xff))
        elif c in DIGITS:
            isoctal = False
            if source.next in DIGITS:
                this += source.get()
                if c in OCTDIGITS and this[2] in OCTDIGITS and source.next in OCTDIGITS:
                    this += source.get()
                    isoctal = True
                    code = int(this[1:], 8)
                    if code > 0o377:
                        raise source.error('octal escape value %s outside of range 0-0o377'
                                           % this, len(this))
                    literal.append(chr(code))
            if not isoctal:
                addgroup(int(this[1:]), len(this) - 1)
        else:
            ch = ESCAPES.get(this)
            if ch is not None:
                literal.append(ch)
            elif c in ASCIILETTERS:
                raise source.error('bad escape %s' % this, len(this))
            else:
                literal.append(this)
    if literal:
        parts.append(''.join(literal))
    return parts
