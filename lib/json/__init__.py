"""JSON (RFC 8259) encoding and decoding, behaving as CPython 3.11's json
package: dumps/dump turn Python data into JSON text, loads/load turn JSON
text (str, or bytes in UTF-8, UTF-16 or UTF-32) back into Python data.
"""

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError',
           'JSONEncoder']

from .decoder import JSONDecoder, JSONDecodeError
from .encoder import JSONEncoder
# As in CPython, importing json makes json.scanner available too.
from . import scanner

_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def _encoder_for(cls, skipkeys, ensure_ascii, check_circular, allow_nan, indent,
                 separators, default, sort_keys, kw):
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None
            and not sort_keys and not kw):
        return _default_encoder
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
               check_circular=check_circular, allow_nan=allow_nan, indent=indent,
               separators=separators, default=default, sort_keys=sort_keys, **kw)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None, default=None,
         sort_keys=False, **kw):
    """Write obj as JSON to fp (anything with a write(str) method), chunk by
    chunk. The options are those of dumps().
    """
    encoder = _encoder_for(cls, skipkeys, ensure_ascii, check_circular, allow_nan,
                           indent, separators, default, sort_keys, kw)
    write = fp.write
    for chunk in encoder.iterencode(obj):
        write(chunk)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None, default=None,
          sort_keys=False, **kw):
    """Return obj as a JSON str.

    skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators,
    default and sort_keys are passed to the encoder, an instance of cls
    (JSONEncoder when None) along with any other keyword arguments.
    """
    encoder = _encoder_for(cls, skipkeys, ensure_ascii, check_circular, allow_nan,
                           indent, separators, default, sort_keys, kw)
    return encoder.encode(obj)


def detect_encoding(b):
    """The encoding of the JSON bytes b: UTF-8, -16 or -32, told by a BOM
    or by where the zero bytes of the first characters are.
    """
    if b.startswith((b'\x00\x00\xfe\xff', b'\xff\xfe\x00\x00')):
        return 'utf-32'
    if b.startswith((b'\xfe\xff', b'\xff\xfe')):
        return 'utf-16'
    if b.startswith(b'\xef\xbb\xbf'):
        return 'utf-8-sig'
    if len(b) >= 4:
        if not b[0]:
            return 'utf-16-be' if b[1] else 'utf-32-be'
        if not b[1]:
            return 'utf-16-le' if b[2] or b[3] else 'utf-32-le'
    elif len(b) == 2:
        if not b[0]:
            return 'utf-16-be'
        if not b[1]:
            return 'utf-16-le'
    return 'utf-8'


def _decode_utf8(b):
    # UTF-8 with the 'surrogatepass' error handler: encoded surrogates
    # (ED A0..BF 80..BF) decode to lone surrogates.
    n = len(b)
    spans = []
    i = b.find(b'\xed')
    while i >= 0:
        if i + 2 < n and 0xa0 <= b[i + 1] <= 0xbf and 0x80 <= b[i + 2] <= 0xbf:
            spans.append(i)
        i = b.find(b'\xed', i + 1)
    if not spans:
        return b.decode('utf-8')
    parts = []
    start = 0
    try:
        for i in spans:
            parts.append(b[start:i].decode('utf-8'))
            parts.append(chr(0xd000 | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f)))
            start = i + 3
        parts.append(b[start:].decode('utf-8'))
    except UnicodeDecodeError:
        # Report the bad byte at its place in b: decode b whole, with the
        # surrogates replaced by a valid character of the same length.
        whole = bytearray(b)
        for i in spans:
            whole[i:i + 3] = b'\xef\xbf\xbf'
        bytes(whole).decode('utf-8')
        raise
    return ''.join(parts)


def _decode_wide(b, encoding, size, big):
    # UTF-16 (size 2) or UTF-32 (size 4) in the given byte order, the BOM
    # already removed; surrogate pairs in UTF-16 are joined.
    import array
    import sys
    whole = len(b) - len(b) % size
    if whole != len(b):
        raise UnicodeDecodeError(encoding, bytes(b), whole, len(b), 'truncated data')
    units = array.array('H' if size == 2 else 'I', bytes(b))
    if big != (sys.byteorder == 'big'):
        units.byteswap()
    if not units:
        return ''
    if size == 4:
        if max(units) > 0x10ffff:
            k = 0
            while units[k] <= 0x10ffff:
                k += 1
            raise UnicodeDecodeError(encoding, bytes(b), 4 * k, 4 * k + 4,
                                     'code point not in range(0x110000)')
        return ''.join(map(chr, units))
    if max(units) < 0xd800:
        return ''.join(map(chr, units))
    chars = []
    k = 0
    n = len(units)
    while k < n:
        u = units[k]
        if 0xd800 <= u <= 0xdbff and k + 1 < n and 0xdc00 <= units[k + 1] <= 0xdfff:
            chars.append(chr(0x10000 + ((u - 0xd800) << 10) + (units[k + 1] - 0xdc00)))
            k += 2
        else:
            chars.append(chr(u))
            k += 1
    return ''.join(chars)


def _decode_bytes(b):
    encoding = detect_encoding(b)
    if encoding == 'utf-8':
        return _decode_utf8(b)
    if encoding == 'utf-8-sig':
        return _decode_utf8(b[3:])
    if encoding == 'utf-16':
        return _decode_wide(b[2:], 'utf-16-be' if b[0] == 0xfe else 'utf-16-le', 2,
                            b[0] == 0xfe)
    if encoding == 'utf-32':
        return _decode_wide(b[4:], 'utf-32-be' if b[0] == 0 else 'utf-32-le', 4,
                            b[0] == 0)
    size = 2 if encoding.startswith('utf-16') else 4
    return _decode_wide(b, encoding, size, encoding.endswith('be'))


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    """Read all of fp (anything with a read() method) and decode it as
    loads() does.
    """
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """Decode the JSON document s (str, bytes or bytearray) into Python data.

    The hooks and any other keyword arguments go to the decoder, an
    instance of cls (JSONDecoder when None); see JSONDecoder.
    """
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError('the JSON object must be str, bytes or bytearray, not '
                            + s.__class__.__name__)
        s = _decode_bytes(s)
    if (cls is None and object_hook is None and parse_float is None
            and parse_int is None and parse_constant is None
            and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)
