"""JSON decoding: JSONDecoder, JSONDecodeError and scanstring, behaving as
CPython 3.11's json.decoder with its C scanner (the same results, error
messages and error positions).

The scanner is recursive descent over the str. It never loops over the
characters of a string or a run of whitespace in Python: str.find locates
the closing quote or the next backslash, and lstrip() on a bounded window
measures whitespace and digit runs. A long document that is not all ASCII
is scanned through an ASCII "twin" of it (see _ascii_twin).
"""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """A ValueError saying where a document stops being JSON.

    msg: the bare message; doc: the document; pos: the index in doc where
    parsing failed; lineno, colno: that index as 1-based line and column.
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)'
                            % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}

# What follows a backslash in a string, except 'u'.
_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n',
            'r': '\r', 't': '\t'}

_WS = ' \t\n\r'
_WS_SET = frozenset(_WS)
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'
_NUMBER_START = frozenset('-0123456789')

_find = str.find


def _skip_ws(s, i):
    """The index of the first non-whitespace character at or after i."""
    while True:
        window = s[i:i + 64]
        rest = window.lstrip(_WS)
        if rest or len(window) < 64:
            return i + len(window) - len(rest)
        i += 64


def _run_end(s, i, chars):
    """The index just past the run of characters from chars starting at i."""
    while True:
        window = s[i:i + 32]
        rest = window.lstrip(chars)
        if rest or len(window) < 32:
            return i + len(window) - len(rest)
        i += 32


def _control_at(chunk):
    """The index of the first character below U+0020 in chunk, or -1."""
    if chunk.isprintable() or min(chunk) >= ' ':
        return -1
    k = 0
    for ch in chunk:
        if ch < ' ':
            return k
        k += 1
    return -1


def _hex4(s, i):
    """The value of the four hex digits at s[i:i+4], or -1."""
    digits = s[i:i + 4]
    if len(digits) != 4 or digits.lstrip(_HEX):
        return -1
    return int(digits, 16)


def _scanstring_slow(s, end, strict, begin, extract=None):
    # The general case: the string has escapes, or is not terminated.
    # extract: see _extractor.
    parts = []
    n = len(s)
    pos = end
    quote = _find(s, '"', pos)
    while True:
        if quote >= 0 and quote < pos:
            quote = _find(s, '"', pos)
        if quote >= 0:
            bslash = _find(s, '\\', pos, quote)
            stop = quote if bslash < 0 else bslash
        else:
            bslash = _find(s, '\\', pos)
            stop = n if bslash < 0 else bslash
        chunk = s[pos:stop]
        if chunk:
            if not chunk.isprintable():
                if strict:
                    bad = _control_at(chunk)
                    if bad >= 0:
                        raise JSONDecodeError('Invalid control character at', s, pos + bad)
                if extract is not None and _PLACEHOLDER in chunk:
                    chunk = extract(pos, stop)
            parts.append(chunk)
        if stop == n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if stop == quote:
            return ''.join(parts), quote + 1
        esc = s[stop + 1:stop + 2]
        if esc != 'u':
            if not esc:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            ch = _ESCAPES.get(esc)
            if ch is None:
                raise JSONDecodeError('Invalid \\escape', s, stop)
            parts.append(ch)
            pos = stop + 2
            continue
        # \uXXXX, at least one character must follow the four digits.
        pos = stop + 6
        code = _hex4(s, stop + 2) if pos < n else -1
        if code < 0:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, stop + 1)
        if 0xd800 <= code <= 0xdbff and pos + 6 < n and s[pos] == '\\' and s[pos + 1] == 'u':
            low = _hex4(s, pos + 2)
            if low < 0:
                raise JSONDecodeError('Invalid \\uXXXX escape', s, pos + 1)
            if 0xdc00 <= low <= 0xdfff:
                code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                pos += 6
        parts.append(chr(code))


def scanstring(s, end, strict=True):
    """Decode the JSON string whose opening quote is at s[end - 1].

    Return (the decoded str, the index just past the closing quote).
    With strict, characters below U+0020 are not allowed inside.
    """
    quote = _find(s, '"', end)
    if quote >= 0 and _find(s, '\\', end, quote) < 0:
        chunk = s[end:quote]
        if strict and chunk and not chunk.isprintable():
            bad = _control_at(chunk)
            if bad >= 0:
                raise JSONDecodeError('Invalid control character at', s, end + bad)
        return chunk, quote + 1
    return _scanstring_slow(s, end, strict, end - 1)


# kaa keeps str as UTF-8, so s[i] and s.find(x, i) cost O(i) on a str that
# is not all ASCII, and scanning such a document by index would take
# quadratic time. A long non-ASCII document is scanned through its "twin"
# instead: the same text with every non-ASCII character (and every '?')
# replaced by _PLACEHOLDER. The twin is ASCII, so indexing it is O(1), and
# it parses exactly as the original (same structure, same errors at the
# same positions: the replaced characters can only be string content or
# errors). Only string contents holding the placeholder are taken from the
# original document, through _extractor. The placeholder is not printable,
# so the scanner's isprintable() test on string contents already sends
# those strings down the path that looks for it.
_PLACEHOLDER = '\x7f'
_TWIN_MIN = 128     # below this, the twin costs more than it saves


def _ascii_twin(s):
    """The twin of the non-ASCII str s, or None if it cannot be made."""
    twin = s.encode('ascii', 'replace').decode('ascii').replace('?', _PLACEHOLDER)
    return twin if len(twin) == len(s) else None


def _extractor(doc, twin):
    """Return extract(a, b) -> doc[a:b] for a range of doc inside one
    string's content (so holding no '"'), in time proportional to the
    length of that string rather than to a.
    """
    parts = doc.split('"')
    k = 0        # parts[k] holds position at
    at = 0

    def extract(a, b):
        nonlocal k, at
        if a >= at:
            k += twin.count('"', at, a)
        else:
            k -= twin.count('"', a, at)
        at = a
        start = twin.rfind('"', 0, a) + 1
        return parts[k][a - start:b - start]
    return extract


def _too_deep(err, kind):
    # The RecursionError for a document nested too deeply, with the message
    # of CPython's C scanner, which names the container it was entering.
    if 'JSON' in str(err):
        return err
    return RecursionError('maximum recursion depth exceeded while decoding a JSON %s '
                          'from a unicode string' % kind)


def _last_token(s):
    # The last non-whitespace character of s ('' if none): at the end of
    # a truncated document it tells which part of the grammar was due.
    return s.rstrip(_WS)[-1:]


def make_scanner(context):
    """Return scan_once(s, idx) -> (value, end) for the settings of context
    (a JSONDecoder); it raises StopIteration(idx) where no value starts.
    """
    strict = context.strict
    object_hook = context.object_hook
    pairs_hook = context.object_pairs_hook
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    if parse_float is float:
        parse_float = None
    if parse_int is int:
        parse_int = None
    WS = _WS_SET
    find = _find
    control_at = _control_at
    skip_ws = _skip_ws
    slow_string = _scanstring_slow
    extract = None      # while scanning a twin: its _extractor

    def unusual(text, s, i):
        # The content text = s[i:i + len(text)] of a string without escapes
        # that has a character isprintable() rejects: check it and, in a
        # twin, take it from the original document if needed.
        if strict:
            bad = control_at(text)
            if bad >= 0:
                raise JSONDecodeError('Invalid control character at', s, i + bad)
        if extract is not None and _PLACEHOLDER in text:
            return extract(i, i + len(text))
        return text

    # array() and obj() index s[i] directly, which is cheaper than s[i:i+1];
    # s[i] can only fail with i == len(s) (a truncated document), and their
    # IndexError handlers turn that into CPython's error for that spot.

    def number(s, i):
        # The number starting at s[i] ('-' or a digit), or StopIteration(i).
        start = i
        if s[i] == '-':
            i += 1
        window = s[i:i + 32]
        rest = window.lstrip(_DIGITS)
        digits = len(window) - len(rest)
        if digits == 0:
            raise StopIteration(start)
        if window[0] == '0':
            digits = 1
            rest = window[1:]
        elif digits == 32:
            digits = _run_end(s, i, _DIGITS) - i
            rest = s[i + digits:i + digits + 1]
        i += digits
        c = rest[:1]
        is_float = False
        if c == '.':
            c = s[i + 1:i + 2]
            if c and c in _DIGITS:
                i = _run_end(s, i + 2, _DIGITS)
                is_float = True
            c = s[i:i + 1]
        if c == 'e' or c == 'E':
            k = i + 1
            c = s[k:k + 1]
            if c == '+' or c == '-':
                k += 1
            end = _run_end(s, k, _DIGITS)
            if end > k:
                i = end
                is_float = True
        if is_float:
            if parse_float is None:
                return float(s[start:i]), i
            return parse_float(s[start:i]), i
        if parse_int is None:
            return int(s[start:i]), i
        return parse_int(s[start:i]), i

    def other(s, i):
        # A value at s[i] that is not a string, object or array.
        c = s[i:i + 1]
        if c in _NUMBER_START:
            if c == '-' and s.startswith('-Infinity', i):
                return parse_constant('-Infinity'), i + 9
            return number(s, i)
        if c == 'n':
            if s.startswith('null', i):
                return None, i + 4
        elif c == 't':
            if s.startswith('true', i):
                return True, i + 4
        elif c == 'f':
            if s.startswith('false', i):
                return False, i + 5
        elif c == 'N':
            if s.startswith('NaN', i):
                return parse_constant('NaN'), i + 3
        elif c == 'I':
            if s.startswith('Infinity', i):
                return parse_constant('Infinity'), i + 8
        raise StopIteration(i)

    def array(s, i):
        # The array whose '[' is at s[i - 1].
        values = []
        append = values.append
        try:
            c = s[i]
            if c in WS:
                i = skip_ws(s, i)
                c = s[i]
            if c == ']':
                return values, i + 1
            while True:
                if c == '"':
                    # A string without escapes is the common case: inline.
                    i += 1
                    quote = find(s, '"', i)
                    if quote >= 0 and find(s, '\\', i, quote) < 0:
                        value = s[i:quote]
                        if not value.isprintable():
                            value = unusual(value, s, i)
                        i = quote + 1
                    else:
                        value, i = slow_string(s, i, strict, i - 1, extract)
                elif c == '{':
                    value, i = obj(s, i + 1)
                elif c == '[':
                    value, i = array(s, i + 1)
                else:
                    value, i = other(s, i)
                append(value)
                c = s[i]
                if c in WS:
                    i = skip_ws(s, i)
                    c = s[i]
                if c == ']':
                    return values, i + 1
                if c != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                i += 1
                c = s[i]
                if c in WS:
                    i += 1
                    c = s[i]
                    if c in WS:
                        i = skip_ws(s, i)
                        c = s[i]
        except IndexError:
            if i < len(s):
                raise
            if _last_token(s) in ('[', ','):
                raise StopIteration(i) from None
            raise JSONDecodeError("Expecting ',' delimiter", s, i) from None
        except RecursionError as err:
            raise _too_deep(err, 'object' if c == '{' else 'array') from None

    def obj(s, i):
        # The object whose '{' is at s[i - 1].
        pairs = [] if pairs_hook is not None else None
        result = {}
        try:
            c = s[i]
            if c in WS:
                i = skip_ws(s, i)
                c = s[i]
            if c != '}':
                while True:
                    if c != '"':
                        raise JSONDecodeError(
                            'Expecting property name enclosed in double quotes', s, i)
                    i += 1
                    quote = find(s, '"', i)
                    if quote >= 0 and find(s, '\\', i, quote) < 0:
                        key = s[i:quote]
                        if not key.isprintable():
                            key = unusual(key, s, i)
                        i = quote + 1
                    else:
                        key, i = slow_string(s, i, strict, i - 1, extract)
                    # Sliced: a document ending here needs "Expecting ':'".
                    c = s[i:i + 1]
                    if c != ':':
                        if c in WS:
                            i = skip_ws(s, i)
                            c = s[i:i + 1]
                        if c != ':':
                            raise JSONDecodeError("Expecting ':' delimiter", s, i)
                    i += 1
                    c = s[i]
                    if c in WS:
                        i += 1
                        c = s[i]
                        if c in WS:
                            i = skip_ws(s, i)
                            c = s[i]
                    if c == '"':
                        i += 1
                        quote = find(s, '"', i)
                        if quote >= 0 and find(s, '\\', i, quote) < 0:
                            value = s[i:quote]
                            if not value.isprintable():
                                value = unusual(value, s, i)
                            i = quote + 1
                        else:
                            value, i = slow_string(s, i, strict, i - 1, extract)
                    elif c == '{':
                        value, i = obj(s, i + 1)
                    elif c == '[':
                        value, i = array(s, i + 1)
                    else:
                        value, i = other(s, i)
                    if pairs is None:
                        result[key] = value
                    else:
                        pairs.append((key, value))
                    c = s[i]
                    if c in WS:
                        i = skip_ws(s, i)
                        c = s[i]
                    if c == '}':
                        break
                    if c != ',':
                        raise JSONDecodeError("Expecting ',' delimiter", s, i)
                    i += 1
                    c = s[i]
                    if c in WS:
                        i += 1
                        c = s[i]
                        if c in WS:
                            i = skip_ws(s, i)
                            c = s[i]
        except IndexError:
            if i < len(s):
                raise
            last = _last_token(s)
            if last == ':':
                raise StopIteration(i) from None
            if last in ('{', ','):
                raise JSONDecodeError('Expecting property name enclosed in double quotes',
                                      s, i) from None
            raise JSONDecodeError("Expecting ',' delimiter", s, i) from None
        except RecursionError as err:
            raise _too_deep(err, 'array' if c == '[' else 'object') from None
        if pairs is not None:
            return pairs_hook(pairs), i + 1
        if object_hook is not None:
            return object_hook(result), i + 1
        return result, i + 1

    def value_at(s, idx):
        c = s[idx:idx + 1]
        if c == '"':
            quote = find(s, '"', idx + 1)
            if quote >= 0 and find(s, '\\', idx + 1, quote) < 0:
                value = s[idx + 1:quote]
                if not value.isprintable():
                    value = unusual(value, s, idx + 1)
                return value, quote + 1
            return slow_string(s, idx + 1, strict, idx, extract)
        if c == '{':
            return obj(s, idx + 1)
        if c == '[':
            return array(s, idx + 1)
        return other(s, idx)

    def scan_once(s, idx):
        nonlocal extract
        if idx < 0:
            raise ValueError('idx cannot be negative')
        if len(s) - idx < _TWIN_MIN or s.isascii():
            return value_at(s, idx)
        twin = _ascii_twin(s)
        if twin is None:
            return value_at(s, idx)
        outer = extract         # a hook may be decoding another document
        extract = _extractor(s, twin)
        try:
            return value_at(twin, idx)
        except JSONDecodeError as err:
            if err.doc is twin:
                err.doc = s
            raise
        finally:
            extract = outer

    return scan_once


class JSONDecoder(object):
    """Decode JSON documents into Python objects.

    object -> dict, array -> list, string -> str, number -> int or float,
    true/false -> True/False, null -> None; NaN, Infinity and -Infinity are
    accepted too. The hooks replace those conversions: object_hook(dict),
    object_pairs_hook(list of (key, value)) (it wins over object_hook),
    parse_float(str), parse_int(str), parse_constant(name). With
    strict=False, strings may hold control characters.
    """

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_string = scanstring
        self.scan_once = make_scanner(self)

    def decode(self, s):
        """The Python object for the JSON document s (a str); whitespace
        may surround it, anything else after it is an error.
        """
        start = _skip_ws(s, 0)
        obj, end = self.raw_decode(s, idx=start)
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode the JSON value starting at s[idx] (no whitespace skipped).
        Return (value, index just past it); text may follow it.
        """
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError('Expecting value', s, err.value) from None
        return obj, end
