"""A collection of string constants, capwords(), and the Template and
Formatter classes.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each word using
    capitalize, and join the capitalized words using join. If sep is absent
    or None, runs of whitespace are replaced by a single space and leading
    and trailing whitespace are removed, otherwise sep is used.
    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


################################################################################
### Template
################################################################################

_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)

_sentinel_dict = {}


class Template:
    """A string class for supporting $-substitutions: $$ is an escape for
    $, $identifier and ${identifier} name a substitution; identifiers are
    ASCII letters, digits and underscores, not starting with a digit."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _identifier_end(self, i):
        """The end of the identifier starting at i, or i when there is none."""
        s = self.template
        n = len(s)
        if i >= n or s[i] not in _ID_START:
            return i
        j = i + 1
        while j < n and s[j] in _ID_CHARS:
            j += 1
        return j

    def _scan(self):
        """Yield (kind, start, end, name) for each placeholder, kind being
        'escaped', 'named', 'braced' or 'invalid' (then start is where the
        invalid text begins, after the delimiter)."""
        s = self.template
        delim = self.delimiter
        i = 0
        while True:
            j = s.find(delim, i)
            if j < 0:
                return
            after = j + len(delim)
            if s.startswith(delim, after):
                end = after + len(delim)
                yield 'escaped', j, end, None
                i = end
                continue
            end = self._identifier_end(after)
            if end > after:
                yield 'named', j, end, s[after:end]
                i = end
                continue
            if s.startswith('{', after):
                end = self._identifier_end(after + 1)
                if end > after + 1 and s.startswith('}', end):
                    yield 'braced', j, end + 1, s[after + 1:end]
                    i = end + 1
                    continue
            yield 'invalid', after, after, None
            i = after

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % (lineno, colno))

    def _lookup(self, mapping, kws):
        if mapping is _sentinel_dict:
            return kws.__getitem__
        if not kws:
            return mapping.__getitem__

        def lookup(key):
            if key in kws:
                return kws[key]
            return mapping[key]
        return lookup

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        lookup = self._lookup(mapping, kws)
        s = self.template
        parts = []
        pos = 0
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                self._invalid(start)
            parts.append(s[pos:start])
            if kind == 'escaped':
                parts.append(self.delimiter)
            else:
                parts.append(str(lookup(name)))
            pos = end
        parts.append(s[pos:])
        return ''.join(parts)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        lookup = self._lookup(mapping, kws)
        s = self.template
        parts = []
        pos = 0
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                continue
            parts.append(s[pos:start])
            if kind == 'escaped':
                parts.append(self.delimiter)
            else:
                try:
                    parts.append(str(lookup(name)))
                except KeyError:
                    parts.append(s[start:end])
            pos = end
        parts.append(s[pos:])
        return ''.join(parts)

    def is_valid(self):
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name in self._scan():
            if name is not None and name not in ids:
                ids.append(name)
        return ids


################################################################################
### Formatter
################################################################################

def _parse_format(s):
    """Split a format string as str.format does: yield (literal_text,
    field_name, format_spec, conversion) tuples."""
    n = len(s)
    i = 0
    while i < n:
        literal = []
        field = None
        while i < n:
            c = s[i]
            if c == '{':
                if i + 1 < n and s[i + 1] == '{':
                    literal.append('{')
                    i += 2
                    break
                if i + 1 >= n:
                    raise ValueError("Single '{' encountered in format string")
                # Find the matching closing brace.
                depth = 1
                j = i + 1
                while j < n:
                    if s[j] == '{':
                        depth += 1
                    elif s[j] == '}':
                        depth -= 1
                        if depth == 0:
                            break
                    j += 1
                if j >= n:
                    raise ValueError("expected '}' before end of string")
                field = s[i + 1:j]
                i = j + 1
                break
            if c == '}':
                if i + 1 < n and s[i + 1] == '}':
                    literal.append('}')
                    i += 2
                    break
                raise ValueError("Single '}' encountered in format string")
            literal.append(c)
            i += 1
        literal = ''.join(literal)
        if field is None:
            yield literal, None, None, None
            continue
        # field_name[!conversion][:format_spec]; brackets may hold ':' or '!'.
        k = 0
        m = len(field)
        while k < m:
            c = field[k]
            if c == '[':
                while k < m and field[k] != ']':
                    k += 1
                continue
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == ':' or c == '!':
                break
            k += 1
        name = field[:k]
        conversion = None
        spec = ''
        if k < m and field[k] == '!':
            if k + 1 >= m:
                raise ValueError('end of string while looking for conversion '
                                 'specifier')
            conversion = field[k + 1]
            k += 2
            if k < m and field[k] != ':':
                raise ValueError("expected ':' after conversion specifier")
        if k < m:
            spec = field[k + 1:]
        yield literal, name, spec, conversion


def _split_field_name(name):
    """'a.b[0]' -> ('a', [(True, 'b'), (False, 0)])."""
    n = len(name)
    i = 0
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError('Empty attribute in format string')
            rest.append((True, attr))
            i = j
        elif name[i] == '[':
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError('Empty attribute in format string')
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in '
                                 'format field specifier')
        else:
            raise ValueError('Only \'.\' or \'[\' may follow \']\' in '
                             'format field specifier')
    return first, rest


class Formatter:
    """The formatting engine of str.format(), with each step a method that
    subclasses can override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier %s' % (conversion,))

    def parse(self, format_string):
        """An iterable of (literal_text, field_name, format_spec, conversion)."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        """The object field_name refers to, and the argument it came from."""
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
