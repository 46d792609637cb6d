"""JSON encoding: JSONEncoder and the string escapers, behaving as CPython
3.11's json.encoder.

CPython encodes in two ways and so does this module: encode() with no
indent behaves as the C encoder (its ValueError for NaN has no value in the
message), while iterencode() and indented output behave as the Python one
(the message ends with ": nan", and iterencode() yields the same chunks).
Both build the text with str.translate and list appends; neither loops over
characters in Python.
"""

__all__ = ['JSONEncoder', 'encode_basestring', 'encode_basestring_ascii']

INFINITY = float('inf')

# The escapes every JSON string needs: control characters, '"' and '\'.
ESCAPE_DCT = {i: '\\u%04x' % i for i in range(0x20)}
ESCAPE_DCT.update({0x22: '\\"', 0x5c: '\\\\', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n',
                   0x0d: '\\r', 0x09: '\\t'})


class _AsciiEscapes(dict):
    """A str.translate table turning everything outside ' '..'~' into a
    \\uXXXX escape (a surrogate pair above U+FFFF). ASCII is filled in
    below; other entries are made on first use and kept, up to a bound.
    """

    def __missing__(self, code):
        if code < 0x10000:
            text = '\\u%04x' % code
        else:
            offset = code - 0x10000
            text = '\\u%04x\\u%04x' % (0xd800 | (offset >> 10), 0xdc00 | (offset & 0x3ff))
        if len(self) < 4096:
            self[code] = text
        return text


_ASCII_TABLE = _AsciiEscapes(ESCAPE_DCT)
for _code in range(0x20, 0x7f):
    _ASCII_TABLE.setdefault(_code, chr(_code))
_ASCII_TABLE[0x7f] = '\\u007f'
del _code

_isascii = str.isascii
_isprintable = str.isprintable
_translate = str.translate
_float_repr = float.__repr__
_int_repr = int.__repr__


def encode_basestring(s):
    """The JSON string literal for s, non-ASCII characters kept as they are."""
    if _isprintable(s) and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    return '"' + _translate(s, ESCAPE_DCT) + '"'


def encode_basestring_ascii(s):
    """The JSON string literal for s in ASCII only (\\uXXXX escapes)."""
    if _isascii(s) and _isprintable(s) and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    return '"' + _translate(s, _ASCII_TABLE) + '"'


py_encode_basestring = encode_basestring
py_encode_basestring_ascii = encode_basestring_ascii


def _make_float_text(allow_nan, with_value):
    # float -> JSON text. with_value: the ValueError names the value, as
    # CPython's Python encoder does (its C encoder does not).
    def float_text(o):
        text = _float_repr(o)
        if text[-1] not in 'nf':
            return text
        # float.__repr__ spells these 'nan', 'inf' and '-inf'.
        if text == 'nan':
            text = 'NaN'
        elif text == 'inf':
            text = 'Infinity'
        else:
            text = '-Infinity'
        if not allow_nan:
            if with_value:
                raise ValueError('Out of range float values are not JSON compliant: '
                                 + repr(o))
            raise ValueError('Out of range float values are not JSON compliant')
        return text
    return float_text


def _key_error(key):
    return TypeError('keys must be str, int, float, bool or None, not '
                     + key.__class__.__name__)


def _build(o, markers, default, encode_str, float_text, indent, key_sep, item_sep,
           sort_keys, skipkeys):
    """The whole JSON text for o, built into one list of parts."""
    parts = []
    add = parts.append

    def key_text(k):
        # A dict key as a str, or None to skip it.
        if isinstance(k, str):
            return k
        if isinstance(k, float):
            return float_text(k)
        if k is True:
            return 'true'
        if k is False:
            return 'false'
        if k is None:
            return 'null'
        if isinstance(k, int):
            return _int_repr(k)
        if skipkeys:
            return None
        raise _key_error(k)

    def add_value(v, level):
        t = type(v)
        if t is str:
            add(encode_str(v))
        elif t is int:
            add(_int_repr(v))
        elif t is float:
            add(float_text(v))
        elif v is None:
            add('null')
        elif v is True:
            add('true')
        elif v is False:
            add('false')
        elif t is list or t is tuple:
            add_list(v, level)
        elif t is dict:
            add_dict(v, level)
        elif isinstance(v, str):
            add(encode_str(v))
        elif isinstance(v, int):
            add(_int_repr(v))
        elif isinstance(v, float):
            add(float_text(v))
        elif isinstance(v, (list, tuple)):
            add_list(v, level)
        elif isinstance(v, dict):
            add_dict(v, level)
        else:
            if markers is not None:
                mark = id(v)
                if mark in markers:
                    raise ValueError('Circular reference detected')
                markers[mark] = v
            add_value(default(v), level)
            if markers is not None:
                del markers[mark]

    def add_list(lst, level):
        if not lst:
            add('[]')
            return
        if markers is not None:
            mark = id(lst)
            if mark in markers:
                raise ValueError('Circular reference detected')
            markers[mark] = lst
        if indent is None:
            sep = item_sep
            add('[')
        else:
            level += 1
            sep = item_sep + '\n' + indent * level
            add('[\n' + indent * level)
        first = True
        for v in lst:
            if first:
                first = False
            else:
                add(sep)
            t = type(v)
            if t is str:
                add(encode_str(v))
            elif t is int:
                add(_int_repr(v))
            elif t is float:
                add(float_text(v))
            elif t is list:
                add_list(v, level)
            elif t is dict:
                add_dict(v, level)
            else:
                add_value(v, level)
        if indent is not None:
            add('\n' + indent * (level - 1))
        add(']')
        if markers is not None:
            del markers[mark]

    def add_dict(dct, level):
        if not dct:
            add('{}')
            return
        if markers is not None:
            mark = id(dct)
            if mark in markers:
                raise ValueError('Circular reference detected')
            markers[mark] = dct
        if indent is None:
            sep = item_sep
            add('{')
        else:
            level += 1
            sep = item_sep + '\n' + indent * level
            add('{\n' + indent * level)
        items = dct.items()
        if sort_keys:
            items = sorted(items)
        first = True
        for k, v in items:
            if type(k) is not str:
                k = key_text(k)
                if k is None:
                    continue
            if first:
                first = False
            else:
                add(sep)
            add(encode_str(k))
            add(key_sep)
            t = type(v)
            if t is str:
                add(encode_str(v))
            elif t is int:
                add(_int_repr(v))
            elif t is float:
                add(float_text(v))
            elif t is list:
                add_list(v, level)
            elif t is dict:
                add_dict(v, level)
            else:
                add_value(v, level)
        if indent is not None:
            add('\n' + indent * (level - 1))
        add('}')
        if markers is not None:
            del markers[mark]

    if indent is not None:
        add_value(o, 0)
    else:
        # CPython's C encoder, used without indent, names its RecursionError.
        try:
            add_value(o, 0)
        except RecursionError as err:
            if 'JSON' in str(err):
                raise
            raise RecursionError('maximum recursion depth exceeded while encoding a '
                                 'JSON object') from None
    return ''.join(parts)


def _iter_chunks(markers, default, encode_str, float_text, indent, key_sep, item_sep,
                 sort_keys, skipkeys):
    """A generator function yielding o's JSON text in the chunks CPython's
    Python encoder yields.
    """

    def scalar(v):
        # The text of a str, None, bool, int or float; None otherwise.
        if isinstance(v, str):
            return encode_str(v)
        if v is None:
            return 'null'
        if v is True:
            return 'true'
        if v is False:
            return 'false'
        if isinstance(v, int):
            return _int_repr(v)
        if isinstance(v, float):
            return float_text(v)
        return None

    def nested(v, level):
        if isinstance(v, (list, tuple)):
            return chunks_list(v, level)
        if isinstance(v, dict):
            return chunks_dict(v, level)
        return chunks(v, level)

    def enter(o):
        if markers is not None:
            mark = id(o)
            if mark in markers:
                raise ValueError('Circular reference detected')
            markers[mark] = o

    def leave(o):
        if markers is not None:
            del markers[id(o)]

    def chunks_list(lst, level):
        if not lst:
            yield '[]'
            return
        enter(lst)
        if indent is None:
            sep = item_sep
            head = '['
        else:
            level += 1
            sep = item_sep + '\n' + indent * level
            head = '[\n' + indent * level
        prefix = head
        for v in lst:
            text = scalar(v)
            if text is not None:
                yield prefix + text
            else:
                yield prefix
                yield from nested(v, level)
            prefix = sep
        if indent is not None:
            yield '\n' + indent * (level - 1)
        yield ']'
        leave(lst)

    def chunks_dict(dct, level):
        if not dct:
            yield '{}'
            return
        enter(dct)
        yield '{'
        if indent is None:
            sep = item_sep
        else:
            level += 1
            sep = item_sep + '\n' + indent * level
            yield '\n' + indent * level
        items = dct.items()
        if sort_keys:
            items = sorted(items)
        first = True
        for k, v in items:
            if isinstance(k, str):
                pass
            elif isinstance(k, float):
                k = float_text(k)
            elif k is True:
                k = 'true'
            elif k is False:
                k = 'false'
            elif k is None:
                k = 'null'
            elif isinstance(k, int):
                k = _int_repr(k)
            elif skipkeys:
                continue
            else:
                raise _key_error(k)
            if first:
                first = False
            else:
                yield sep
            yield encode_str(k)
            yield key_sep
            text = scalar(v)
            if text is not None:
                yield text
            else:
                yield from nested(v, level)
        if indent is not None:
            yield '\n' + indent * (level - 1)
        yield '}'
        leave(dct)

    def chunks(o, level):
        text = scalar(o)
        if text is not None:
            yield text
        elif isinstance(o, (list, tuple)):
            yield from chunks_list(o, level)
        elif isinstance(o, dict):
            yield from chunks_dict(o, level)
        else:
            enter(o)
            yield from chunks(default(o), level)
            leave(o)

    return chunks


class JSONEncoder(object):
    """Encode Python data as JSON.

    dict -> object, list and tuple -> array, str -> string, int and float
    -> number, True/False -> true/false, None -> null. Other objects go
    through default(), which a subclass (or the default= argument) can
    make return something encodable; as it stands it raises TypeError.

    skipkeys: drop dict keys that are not str, int, float, bool or None
    instead of raising TypeError. ensure_ascii: escape all non-ASCII
    characters. check_circular: detect reference cycles (ValueError)
    instead of recursing forever. allow_nan: write NaN and infinities as
    NaN/Infinity/-Infinity instead of raising ValueError. sort_keys: sort
    dict items by key. indent: a str, or a number of spaces, put before
    every nested element on its own line. separators: (item separator,
    key separator), default (', ', ': '), or (',', ': ') with an indent.
    """

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return an encodable stand-in for o, or raise TypeError; override
        this (or pass default=) to extend the encoder.
        """
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        """The JSON text for o, as a str."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Yield the JSON text for o in pieces, as in
        ``for chunk in JSONEncoder().iterencode(obj): out.write(chunk)``.
        """
        markers = {} if self.check_circular else None
        encode_str = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        float_text = _make_float_text(self.allow_nan, not (_one_shot and indent is None))
        if _one_shot:
            return [_build(o, markers, self.default, encode_str, float_text, indent,
                           self.key_separator, self.item_separator, self.sort_keys,
                           self.skipkeys)]
        chunks = _iter_chunks(markers, self.default, encode_str, float_text, indent,
                              self.key_separator, self.item_separator, self.sort_keys,
                              self.skipkeys)
        return chunks(o, 0)
