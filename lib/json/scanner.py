"""json.scanner: make_scanner(decoder) returns the decoder's scan_once
function, scan_once(s, idx) -> (value, end), raising StopIteration(idx)
where no JSON value starts at s[idx].
"""

from .decoder import make_scanner

__all__ = ['make_scanner']

py_make_scanner = make_scanner
