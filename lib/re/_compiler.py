"""The compiler of kaa's re module: from the parser's tree to the engine's
instructions (see _engine for what each does).

Flags are applied here: each literal, class and anchor is compiled for the
flags in force where it stands (the global ones, changed by (?flags:...)
groups). Character tests follow CPython's sre: for str patterns \\d is
str.isdecimal, \\s str.isspace, \\w str.isalnum or '_'; with ASCII, and for
bytes patterns, they cover ASCII only. IGNORECASE compares characters folded
by fold_unicode (lower case, with the characters that share an upper case,
such as 's' and the long s, made equal) or fold_ascii.
"""

from . import _parser as P
from . import _engine as E


class Program:
    """A compiled pattern: the instructions and what search() can use to
    skip ahead."""

    def __init__(self, code, nregs, prefix, first, anchored):
        self.code = code
        self.regs_init = [-1] * nregs
        self.prefix = prefix        # literal text every match starts with, or ''
        self.first = first          # test(ch) for a match's first character, or None
        self.anchored = anchored    # can match only at the start of the string


_unicode_fold_cache = {}

# Characters with the same case folding but no case mapping between them,
# which sre also treats as equal.
_FOLD_FIXES = {'\u1fd3': '\u0390', '\u1fe3': '\u03b0', '\ufb06': '\ufb05'}

# The characters whose fold_unicode is neither themselves nor the upper case
# of their fold (the long s folds to 's', the Kelvin sign to 'k', ...),
# derived from Unicode's case mappings: with them case_variants() can list
# every character equal to a given one when IGNORECASE is on.
_IRREGULAR = ('\u00b5\u0130\u0131\u017f\u01c5\u01c8\u01cb\u01f2\u0345\u03c2\u03d0'
              '\u03d1\u03d5\u03d6\u03f0\u03f1\u03f4\u03f5\u1c80\u1c81\u1c82\u1c83'
              '\u1c84\u1c85\u1c86\u1c87\u1c88\u1e9b\u1e9e\u1f88\u1f89\u1f8a\u1f8b'
              '\u1f8c\u1f8d\u1f8e\u1f8f\u1f98\u1f99\u1f9a\u1f9b\u1f9c\u1f9d\u1f9e'
              '\u1f9f\u1fa8\u1fa9\u1faa\u1fab\u1fac\u1fad\u1fae\u1faf\u1fbc\u1fbe'
              '\u1fcc\u1fd3\u1fe3\u1ffc\u2126\u212a\u212b\ufb06')
_irregular_by_fold = None


def fold_unicode(ch):
    """The representative of ch's IGNORECASE class: its lower case, made
    equal for characters that share an upper case."""
    r = _unicode_fold_cache.get(ch)
    if r is None:
        r = ch.lower()
        if len(r) != 1:
            r = r[0]
        upper = r.upper()
        if len(upper) == 1:
            lower = upper.lower()
            if len(lower) == 1:
                r = lower
        r = _FOLD_FIXES.get(r, r)
        _unicode_fold_cache[ch] = r
    return r


def fold_ascii(ch):
    return _ASCII_FOLD.get(ch, ch)


def case_variants(ch, fold):
    """Every character that fold makes equal to ch."""
    f = fold(ch)
    result = {ch, f}
    upper = f.upper()
    if len(upper) == 1 and fold(upper) == f:
        result.add(upper)
    if fold is fold_unicode:
        global _irregular_by_fold
        if _irregular_by_fold is None:
            table = {}
            for c in _IRREGULAR:
                table.setdefault(fold_unicode(c), []).append(c)
            _irregular_by_fold = table
        result.update(_irregular_by_fold.get(f, ()))
    return result


_ASCII_FOLD = {}
for _c in 'ABCDEFGHIJKLMNOPQRSTUVWXYZ':
    _ASCII_FOLD[_c] = _c.lower()
del _c


def _is_unicode_word(ch):
    return ch.isalnum() or ch == '_'


_ASCII_DIGITS = frozenset('0123456789')
_ASCII_SPACE = frozenset(' \t\n\r\f\v')
_ASCII_WORD = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')

is_ascii_word = _ASCII_WORD.__contains__

_CATEGORY_TESTS = {
    ('d', False): str.isdecimal,
    ('s', False): str.isspace,
    ('w', False): _is_unicode_word,
    ('d', True): _ASCII_DIGITS.__contains__,
    ('s', True): _ASCII_SPACE.__contains__,
    ('w', True): is_ascii_word,
}


def _negated(test):
    def negated(ch):
        return not test(ch)
    return negated


def category_test(cat, ascii):
    test = _CATEGORY_TESTS[cat.lower(), ascii]
    if cat.isupper():
        return _negated(test)
    return test


def class_test(items, negate, ascii, fold):
    """A function telling whether a character is in a class."""
    chars = set()
    ranges = []
    cats = []
    for item in items:
        kind = item[0]
        if kind == 'c':
            chars.add(item[1])
        elif kind == 'r':
            lo = item[1]
            hi = item[2]
            if hi - lo < 512:
                for code in range(lo, hi + 1):
                    chars.add(chr(code))
            else:
                ranges.append((lo, hi))
        else:
            cats.append(category_test(item[1], ascii))
    if fold is not None:
        chars = frozenset([fold(c) for c in chars])
    else:
        chars = frozenset(chars)
    if not ranges and not cats and fold is None:
        if not negate:
            return chars.__contains__

        def not_in(ch):
            return ch not in chars
        return not_in
    if not ranges and not chars and len(cats) == 1 and not negate:
        return cats[0]
    inside = not negate

    def test(ch):
        if fold is not None:
            if fold(ch) in chars:
                return inside
        elif ch in chars:
            return inside
        if ranges:
            if fold is not None:
                variants = case_variants(ch, fold)
            else:
                variants = (ch,)
            for v in variants:
                code = ord(v)
                for lo, hi in ranges:
                    if lo <= code <= hi:
                        return inside
        for cat in cats:
            if cat(ch):
                return inside
        return negate
    return test


def _cased(ch, fold):
    return fold(ch) != ch or ch.upper() != ch or ch.lower() != ch


class Compiler:
    def __init__(self, state, isbytes):
        self.state = state
        self.isbytes = isbytes
        self.code = []
        self.nregs = 2 * state.groups

    def emit(self, ins):
        self.code.append(ins)
        return len(self.code) - 1

    def modes(self, flags):
        """(ascii, fold function or None) for flags."""
        ascii = self.isbytes or bool(flags & (P.ASCII | P.LOCALE))
        if flags & P.IGNORECASE:
            return ascii, (fold_ascii if ascii else fold_unicode)
        return ascii, None

    def single(self, node, flags):
        """(kind, arg) for a node matching exactly one character, or None."""
        kind = node[0]
        if kind == P.LITERAL:
            ascii, fold = self.modes(flags)
            ch = node[1]
            if fold is not None and _cased(ch, fold):
                folded = fold(ch)

                def same(c):
                    return fold(c) == folded
                return E.K_SET, same
            return E.K_CHAR, ch
        if kind == P.ANY:
            return (E.K_ALL if flags & P.DOTALL else E.K_ANY), None
        if kind == P.IN:
            ascii, fold = self.modes(flags)
            return E.K_SET, class_test(node[1], node[2], ascii, fold)
        return None

    def compile_seq(self, seq, flags):
        i = 0
        n = len(seq)
        while i < n:
            node = seq[i]
            kind = node[0]
            if kind == P.LITERAL:
                # A run of literals becomes one instruction.
                j = i
                while j < n and seq[j][0] == P.LITERAL:
                    j += 1
                text = ''.join([seq[k][1] for k in range(i, j)])
                self.literal(text, flags)
                i = j
                continue
            self.compile_node(node, flags)
            i += 1

    def literal(self, text, flags):
        ascii, fold = self.modes(flags)
        if fold is not None:
            for ch in text:
                if _cased(ch, fold):
                    break
            else:
                fold = None
        if fold is None:
            if len(text) == 1:
                self.emit((E.CHAR, text))
            else:
                self.emit((E.STR, text, len(text)))
        else:
            folded = ''.join([fold(ch) for ch in text])
            if len(text) == 1:
                self.emit((E.CHAR_I, folded, fold))
            else:
                self.emit((E.STR_I, folded, len(text), fold))

    def compile_node(self, node, flags):
        kind = node[0]
        if kind == P.LITERAL:
            self.literal(node[1], flags)
        elif kind == P.ANY:
            self.emit((E.ANY_ALL,) if flags & P.DOTALL else (E.ANY,))
        elif kind == P.IN:
            ascii, fold = self.modes(flags)
            self.emit((E.SET, class_test(node[1], node[2], ascii, fold)))
        elif kind == P.AT:
            self.anchor(node[1], flags)
        elif kind == P.GROUP:
            gid = node[1]
            flags = (flags | node[2]) & ~node[3]
            if gid is not None:
                self.emit((E.SAVE, 2 * gid))
            self.compile_seq(node[4], flags)
            if gid is not None:
                self.emit((E.SAVE, 2 * gid + 1))
        elif kind == P.BRANCH:
            jumps = []
            branches = node[1]
            for branch in branches[:-1]:
                split = self.emit(None)
                self.compile_seq(branch, flags)
                jumps.append(self.emit(None))
                self.code[split] = (E.SPLIT, split + 1, len(self.code))
            self.compile_seq(branches[-1], flags)
            for j in jumps:
                self.code[j] = (E.JMP, len(self.code))
        elif kind == P.REPEAT:
            self.repeat(node, flags)
        elif kind == P.GROUPREF:
            ascii, fold = self.modes(flags)
            self.emit((E.BACKREF, 2 * node[1], fold))
        elif kind == P.ASSERT:
            if node[1] < 0:
                lo, hi = P.getwidth(node[3], self.state)
                if lo != hi:
                    raise P.error('look-behind requires fixed-width pattern')
                width = lo
            else:
                width = -1
            at = self.emit(None)
            self.compile_seq(node[3], flags)
            self.emit((E.LOOK_END,))
            self.code[at] = (E.LOOK, node[2], width, len(self.code))
        elif kind == P.ATOMIC:
            self.emit((E.ATOMIC,))
            self.compile_seq(node[1], flags)
            self.emit((E.ATOMIC_END,))
        elif kind == P.EXISTS:
            at = self.emit(None)
            self.compile_seq(node[2], flags)
            if node[3] is not None:
                jump = self.emit(None)
                self.code[at] = (E.EXISTS, 2 * node[1], len(self.code))
                self.compile_seq(node[3], flags)
                self.code[jump] = (E.JMP, len(self.code))
            else:
                self.code[at] = (E.EXISTS, 2 * node[1], len(self.code))
        else:
            raise AssertionError('unknown node %r' % (node,))

    def anchor(self, what, flags):
        ascii, fold = self.modes(flags)
        isword = is_ascii_word if ascii else _is_unicode_word
        if what == 'A':
            kind = E.AT_BEGIN
        elif what == '^':
            kind = E.AT_BEGIN_LINE if flags & P.MULTILINE else E.AT_BEGIN
        elif what == '$':
            kind = E.AT_END_LINE if flags & P.MULTILINE else E.AT_END
        elif what == 'Z':
            kind = E.AT_END_STRING
        elif what == 'b':
            kind = E.AT_BOUNDARY
        else:
            kind = E.AT_NON_BOUNDARY
        self.emit((E.AT, kind, isword))

    def repeat(self, node, flags):
        lo = node[1]
        hi = node[2]
        mode = node[3]
        body = node[4]
        inf = hi == P.MAXREPEAT
        if len(body) == 1:
            single = self.single(body[0], flags)
            if single is not None:
                mcode = 1 if mode == 'g' else (0 if mode == 'l' else 2)
                self.emit((E.REPEAT_ONE, single[0], single[1], lo, -1 if inf else hi,
                           mcode, None))
                return
        if mode == 'p':
            self.emit((E.ATOMIC,))
            self.repeat((P.REPEAT, lo, hi, 'g', body), flags)
            self.emit((E.ATOMIC_END,))
            return
        greedy = mode == 'g'
        if lo == 1 and hi == 1:
            self.compile_seq(body, flags)
            return
        if lo == 0 and hi == 1:
            split = self.emit(None)
            self.compile_seq(body, flags)
            end = len(self.code)
            self.code[split] = ((E.SPLIT, split + 1, end) if greedy
                                else (E.SPLIT, end, split + 1))
            return
        if inf and lo <= 1 and P.getwidth(body, self.state)[0] > 0:
            # The body cannot match empty: a plain loop needs no counter.
            if lo == 0:
                split = self.emit(None)
                self.compile_seq(body, flags)
                self.emit((E.JMP, split))
                end = len(self.code)
                self.code[split] = ((E.SPLIT, split + 1, end) if greedy
                                    else (E.SPLIT, end, split + 1))
            else:
                top = len(self.code)
                self.compile_seq(body, flags)
                here = len(self.code)
                self.emit((E.SPLIT, top, here + 1) if greedy else (E.SPLIT, here + 1, top))
            return
        reg = self.nregs
        self.nregs += 2
        self.emit((E.REP_INIT, reg))
        loop = self.emit(None)
        self.emit((E.REP_ENTER, reg))
        self.compile_seq(body, flags)
        nxt = self.emit(None)
        end = len(self.code)
        self.code[loop] = (E.REP_LOOP, reg, lo, -1 if inf else hi, greedy, end)
        self.code[nxt] = (E.REP_NEXT, reg, loop)

    def finish(self):
        """Add MATCH, then tell each single-character repeat which literal
        comes next (the engine then only stops where that literal is)."""
        self.emit((E.MATCH,))
        code = self.code
        for i in range(len(code) - 1):
            ins = code[i]
            if ins[0] == E.REPEAT_ONE and ins[5] != 2:
                # Group marks consume nothing: look past them.
                j = i + 1
                while code[j][0] == E.SAVE:
                    j += 1
                nxt = code[j]
                if nxt[0] == E.CHAR or nxt[0] == E.STR:
                    code[i] = ins[:6] + (nxt[1][0],)


def _literal_prefix(seq, flags):
    """(text, complete): the case-sensitive literal text seq starts with,
    and whether that is all of seq."""
    text = ''
    for node in seq:
        kind = node[0]
        if kind == P.LITERAL and not flags & P.IGNORECASE:
            text += node[1]
        elif kind == P.GROUP:
            sub, complete = _literal_prefix(node[4], (flags | node[2]) & ~node[3])
            text += sub
            if not complete:
                return text, False
        else:
            return text, False
    return text, True


def _first_tests(seq, flags, comp):
    """Tests, one of which the first character of any match of seq passes;
    None when that cannot be told."""
    for node in seq:
        kind = node[0]
        if kind == P.AT or kind == P.ASSERT:
            continue
        if kind == P.LITERAL or kind == P.IN:
            single = comp.single(node, flags)
            if single[0] == E.K_CHAR:
                return [frozenset(single[1])]
            return [single[1]]
        if kind == P.GROUP:
            body = node[4]
            if P.getwidth(body, comp.state)[0] == 0:
                return None
            return _first_tests(body, (flags | node[2]) & ~node[3], comp)
        if kind == P.REPEAT:
            if node[1] == 0 or P.getwidth(node[4], comp.state)[0] == 0:
                return None
            return _first_tests(node[4], flags, comp)
        if kind == P.BRANCH:
            tests = []
            for branch in node[1]:
                if P.getwidth(branch, comp.state)[0] == 0:
                    return None
                sub = _first_tests(branch, flags, comp)
                if sub is None:
                    return None
                tests.extend(sub)
            return tests
        return None
    return None


def _combine(tests):
    chars = set()
    funcs = []
    for t in tests:
        if isinstance(t, frozenset):
            chars |= t
        else:
            funcs.append(t)
    if not funcs:
        return frozenset(chars).__contains__
    if not chars and len(funcs) == 1:
        return funcs[0]
    chars = frozenset(chars)

    def test(ch):
        if ch in chars:
            return True
        for f in funcs:
            if f(ch):
                return True
        return False
    return test


def compile(tree, state, isbytes):
    """Compile the parser's tree; return a Program. Raises error."""
    flags = state.flags
    comp = Compiler(state, isbytes)
    comp.compile_seq(tree, flags)
    comp.finish()
    prefix = _literal_prefix(tree, flags)[0]
    first = None
    if not prefix and P.getwidth(tree, state)[0] > 0:
        tests = _first_tests(tree, flags, comp)
        if tests:
            first = _combine(tests)
    anchored = False
    if tree and tree[0][0] == P.AT:
        what = tree[0][1]
        anchored = what == 'A' or (what == '^' and not flags & P.MULTILINE)
    return Program(comp.code, comp.nregs, prefix, first, anchored)
