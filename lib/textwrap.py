"""Text wrapping and filling (CPython 3.11's textwrap module, written for kaa).

TextWrapper splits text into chunks (runs of whitespace and words, words
also broken after the hyphens of compound words) and packs them into
lines. CPython finds the chunks with a regular expression; kaa has no re
module, so _split_words() walks the text by hand and produces the same
chunks. dedent() and indent() work line by line.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# The characters textwrap treats as whitespace when splitting text.
_whitespace = '\t\n\x0b\x0c\r '


def _is_word_char(c):
    """Matches what \\w matches in a str pattern."""
    return c.isalnum() or c == '_'


def _is_letter(c):
    """A word character that is not a decimal digit ([^\\d\\W])."""
    return (c.isalnum() or c == '_') and not c.isdecimal()


def _is_word_punct(c):
    """A character that may precede an em-dash: [\\w!"'&.,?]."""
    return c.isalnum() or c in '_!"\'&.,?'


def _dash_run_then_word(text, pos):
    """End of a run of two or more hyphens at pos that is followed by a word
    character, or -1."""
    end = pos
    n = len(text)
    while end < n and text[end] == '-':
        end += 1
    if end - pos >= 2 and end < n and _is_word_char(text[end]):
        return end
    return -1


def _splits_after_hyphen(text, i):
    """True if a word may break after the hyphen at text[i]: two letters (or
    letter, hyphen, letter) come before it and a letter, an optional hyphen
    and a letter come after it, as in "goof-ball"."""
    before = ((i >= 2 and _is_letter(text[i - 2]) and _is_letter(text[i - 1])) or
              (i >= 3 and _is_letter(text[i - 3]) and text[i - 2] == '-'
               and _is_letter(text[i - 1])))
    if not before:
        return False
    n = len(text)
    if not (i + 1 < n and _is_letter(text[i + 1])):
        return False
    if i + 2 < n and _is_letter(text[i + 2]):
        return True
    return i + 3 < n and text[i + 2] == '-' and _is_letter(text[i + 3])


def _word_end(text, pos):
    """End of the word chunk starting at pos (a non-whitespace character):
    the shortest stretch that ends at whitespace or the end of the text,
    just after a breakable hyphen, or just before an em-dash."""
    n = len(text)
    end = pos + 1
    while True:
        if end < n and text[end] == '-' and _splits_after_hyphen(text, end):
            return end + 1
        if end == n or text[end] in _whitespace:
            return end
        if _is_word_punct(text[end - 1]) and _dash_run_then_word(text, end) >= 0:
            return end
        end += 1


def _split_words(text):
    """The chunks of text with hyphenated words broken after their hyphens."""
    chunks = []
    n = len(text)
    pos = 0
    while pos < n:
        if text[pos] in _whitespace:
            end = pos + 1
            while end < n and text[end] in _whitespace:
                end += 1
        else:
            end = -1
            if pos > 0 and _is_word_punct(text[pos - 1]):
                end = _dash_run_then_word(text, pos)
            if end < 0:
                end = _word_end(text, pos)
        chunks.append(text[pos:end])
        pos = end
    return chunks


def _split_on_whitespace(text):
    """The chunks of text: runs of whitespace and of everything else."""
    chunks = []
    n = len(text)
    pos = 0
    while pos < n:
        space = text[pos] in _whitespace
        end = pos + 1
        while end < n and (text[end] in _whitespace) == space:
            end += 1
        chunks.append(text[pos:end])
        pos = end
    return chunks


def _ends_sentence(chunk):
    """True if chunk ends with a lowercase ASCII letter, then '.', '!' or
    '?', then at most one quote."""
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in '.!?'
            and 'a' <= chunk[-2] <= 'z')


class TextWrapper:
    """Wraps paragraphs of text to a width; options are attributes:

    width               longest line (70); only unbreakable words exceed it
    initial_indent      put before the first line, counted in its width ("")
    subsequent_indent   put before the other lines, counted likewise ("")
    expand_tabs         expand tabs first, to tabsize columns (True)
    tabsize             tab stop distance for expand_tabs (8)
    replace_whitespace  turn each remaining whitespace character into a
                        space, newlines and (unexpanded) tabs included (True)
    fix_sentence_endings  two spaces after a sentence end (False)
    break_long_words    split words longer than a line (True)
    break_on_hyphens    allow breaks after the hyphens of compound words (True)
    drop_whitespace     drop whitespace at the start and end of lines (True)
    max_lines           keep at most this many lines (None: all)
    placeholder         ends truncated output (' [...]')

    wrap() and fill() are the interface; subclasses may override the
    underscore methods that split text and pack chunks.
    """

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    def __init__(self,
                 width=70,
                 initial_indent="",
                 subsequent_indent="",
                 expand_tabs=True,
                 replace_whitespace=True,
                 fix_sentence_endings=False,
                 break_long_words=True,
                 drop_whitespace=True,
                 break_on_hyphens=True,
                 tabsize=8,
                 *,
                 max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # Splitting text into chunks.

    def _munge_whitespace(self, text):
        """Expand tabs, then turn every other whitespace character into a
        space, as the options ask."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Split text into chunks: whitespace runs and words, e.g.
        'Look,', ' ', 'goof-', 'ball', ' ', '--', ' ', 'use', ... (with
        break_on_hyphens; without it 'goof-ball' stays whole)."""
        # CPython tests "is True" here, so only a real True breaks hyphens.
        if self.break_on_hyphens is True:
            return _split_words(text)
        return _split_on_whitespace(text)

    def _fix_sentence_endings(self, chunks):
        """Make the single space after a sentence end two spaces."""
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Put as much of the next chunk, too long for any line, on the
        current line as fits (preferring to break after a hyphen), or all
        of it on an empty line when long words may not be broken."""
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            chunk = reversed_chunks[-1]
            end = space_left
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip('-'):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Pack chunks into lines of at most self.width characters (longer
        only for unbreakable long words) and return the lines."""
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        lines = []
        pending = chunks[::-1]          # next chunk last
        while pending:
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and lines and pending[-1].strip() == '':
                pending.pop()

            line = []
            length = 0
            while pending and length + len(pending[-1]) <= width:
                length += len(pending[-1])
                line.append(pending.pop())
            if pending and len(pending[-1]) > width:
                self._handle_long_word(pending, line, length, width)
                length = sum(map(len, line))
            if self.drop_whitespace and line and line[-1].strip() == '':
                length -= len(line[-1])
                line.pop()
            if not line:
                continue

            rest_is_blank = (not pending or
                             self.drop_whitespace and len(pending) == 1
                             and not pending[0].strip())
            if (self.max_lines is None or len(lines) + 1 < self.max_lines
                    or rest_is_blank and length <= width):
                lines.append(indent + ''.join(line))
                continue
            self._add_placeholder(lines, line, length, width, indent)
            break
        return lines

    def _add_placeholder(self, lines, line, length, width, indent):
        """End truncated output: the placeholder goes after the last word
        of line that leaves room for it, else after the previous line, else
        on a line of its own."""
        while line:
            if line[-1].strip() and length + len(self.placeholder) <= width:
                lines.append(indent + ''.join(line) + self.placeholder)
                return
            length -= len(line[-1])
            line.pop()
        if lines:
            previous = lines[-1].rstrip()
            if len(previous) + len(self.placeholder) <= self.width:
                lines[-1] = previous + self.placeholder
                return
        lines.append(indent + self.placeholder.lstrip())

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    # Public interface.

    def wrap(self, text):
        """Wrap the single paragraph in text into lines of at most
        self.width columns and return them as a list. Tabs are expanded
        and other whitespace (newlines included) becomes spaces."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Wrap the single paragraph in text and return it as one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap one paragraph of text into lines of at most width columns and
    return them as a list; the keyword arguments are TextWrapper options."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Wrap one paragraph of text like wrap() and return the lines joined
    with newlines."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse the whitespace of text and, if it is still wider than width,
    keep the words that fit followed by the placeholder:

        >>> shorten("Hello  world!", width=12)
        'Hello world!'
        >>> shorten("Hello  world!", width=11)
        'Hello [...]'
    """
    wrapper = TextWrapper(width=width, max_lines=1, **kwargs)
    return wrapper.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove the leading whitespace that all lines of text have in common.

    Spaces and tabs are both whitespace but differ: "  x" and "\tx" share
    no margin. Lines holding only spaces and tabs become empty and do not
    count when finding the margin.
    """
    lines = text.split('\n')
    margin = None
    for i, line in enumerate(lines):
        content = line.lstrip(' \t')
        if not content:
            # Lines of only spaces and tabs become empty and set no margin.
            lines[i] = ''
            continue
        indent = line[:len(line) - len(content)]
        if margin is None or margin.startswith(indent):
            margin = indent
        elif not indent.startswith(margin):
            common = 0
            while margin[common] == indent[common]:
                common += 1
            margin = margin[:common]
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Put prefix before the lines of text for which predicate(line) is
    true; by default, before every line that is not only whitespace."""
    pieces = []
    for line in text.splitlines(True):
        chosen = predicate(line) if predicate is not None else line.strip()
        pieces.append(prefix + line if chosen else line)
    return ''.join(pieces)
