"""Dates, times and intervals (CPython 3.11's datetime module, written for kaa).

timedelta, date, time, datetime, tzinfo and timezone behave as CPython's C
implementation (_datetime): the same normalization and rounding, reprs,
error messages, ISO 8601 parsing quirks and pickle state. strftime() hands
everything but %f, %z and %Z to time.strftime(), as CPython does; strptime()
is a small backtracking matcher that accepts what CPython's _strptime
regular expressions accept. Local time comes from time.localtime().
"""

import time as _time

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999

_US_PER_SECOND = 1000000
_SECONDS_PER_DAY = 86400
_US_PER_DAY = _SECONDS_PER_DAY * _US_PER_SECOND
_MAX_DELTA_DAYS = 999999999
_MAX_ORDINAL = 3652059              # date(9999, 12, 31).toordinal()
_EPOCH_ORDINAL = 719163             # date(1970, 1, 1).toordinal()
_MISSING = object()                 # marks an argument that was not passed


# The C types are named "datetime.date" and so on, and that full name is
# what the interpreter's own messages show ("unsupported operand type(s) for
# +: 'datetime.date' and 'int'"), while date.__name__ is plain "date". The
# classes below keep the full name as their type name and this metaclass
# answers __name__ with the part after the last dot.
_type_name_get = type.__dict__['__name__'].__get__
_type_name_set = type.__dict__['__name__'].__set__


class _DatetimeType(type):
    @property
    def __name__(cls):
        return _type_name_get(cls).rpartition('.')[2]

    @__name__.setter
    def __name__(cls, value):
        _type_name_set(cls, value)


def _tp_name(cls):
    """The type name as CPython's C code prints it ('datetime.date', 'int')."""
    return _type_name_get(cls)


def _int_arg(value):
    """value as an int, as the C argument parser's "i" format accepts it."""
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % _tp_name(type(value)))
    return index(value)


# ---------------------------------------------------------------------------
# Proleptic Gregorian calendar arithmetic. Ordinal 1 is 0001-01-01.

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                "Sep", "Oct", "Nov", "Dec")


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _day_of_year(year, month, day):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year)) + day


def _ymd_to_ord(year, month, day):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400 + _day_of_year(year, month, day)


def _ord_to_ymd(n):
    """(year, month, day) of ordinal n; years outside 1..9999 come out as
    proleptic years so that range errors can name them."""
    n -= 1
    n400, n = divmod(n, 146097)     # days in 400 years
    n100, n = divmod(n, 36524)      # days in 100 years (not the 400th)
    n4, n = divmod(n, 1461)         # days in 4 years
    n1, n = divmod(n, 365)
    year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1
    if n100 == 4 or n1 == 4:
        # The extra leap day at the end of a 400- or 4-year cycle.
        return year - 1, 12, 31
    month = 1
    while True:
        length = _days_in_month(year, month)
        if n < length:
            return year, month, n + 1
        n -= length
        month += 1


def _weekday(year, month, day):
    return (_ymd_to_ord(year, month, day) + 6) % 7


def _iso_week1_monday(year):
    """Ordinal of the Monday of ISO week 1: the week holding January 4th."""
    jan4 = _ymd_to_ord(year, 1, 4)
    return jan4 - (jan4 + 6) % 7


def _iso_to_ordinal(year, week, day):
    """Ordinal of an ISO calendar date, or -2 (bad week) / -3 (bad day)."""
    if not 0 < week < 53:
        jan1 = (_ymd_to_ord(year, 1, 1) + 6) % 7
        if week != 53 or not (jan1 == 3 or (jan1 == 2 and _is_leap(year))):
            return -2
    if not 0 < day < 8:
        return -3
    return _iso_week1_monday(year) + (week - 1) * 7 + day - 1


def _seconds_from_fields(year, month, day, hour, minute, second):
    """Seconds since 1970-01-01 00:00 of naive fields read as UTC."""
    days = _ymd_to_ord(year, month, day) - _EPOCH_ORDINAL
    return days * _SECONDS_PER_DAY + hour * 3600 + minute * 60 + second


def _year_overflow():
    """The error gmtime() and localtime() give for a year that does not fit
    C's struct tm: Linux's EOVERFLOW (kaa has no errno module)."""
    return OSError(75, "Value too large for defined data type")


def _fields_from_seconds(seconds):
    """(year, month, day, hour, minute, second) of UTC seconds since 1970."""
    days, seconds = divmod(seconds, _SECONDS_PER_DAY)
    year, month, day = _ord_to_ymd(days + _EPOCH_ORDINAL)
    if not -2 ** 31 <= year - 1900 < 2 ** 31:
        raise _year_overflow()          # what gmtime() reports
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    hour, seconds = divmod(seconds, 3600)
    minute, second = divmod(seconds, 60)
    return year, month, day, hour, minute, second


def _divide_nearest(a, b):
    """a / b rounded to the nearest int, ties to even."""
    q, r = divmod(a, b)
    twice = 2 * r
    if (twice > b if b > 0 else twice < b) or (twice == b and q % 2 == 1):
        q += 1
    return q


def _round_half_away(x):
    """C's round(): nearest integer, ties away from zero (as a float)."""
    whole = float(int(x))
    if abs(x - whole) >= 0.5:
        whole += 1.0 if x > 0 else -1.0
    return whole


# ---------------------------------------------------------------------------
# Argument checks shared by the constructors.

def _check_date_fields(year, month, day):
    year = _int_arg(year)
    month = _int_arg(month)
    day = _int_arg(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _int_arg(hour)
    minute = _int_arg(minute)
    second = _int_arg(second)
    microsecond = _int_arg(microsecond)
    fold = _int_arg(fold)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold != 0 and fold != 1:
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                        "not type '%s'" % _tp_name(type(tz)))


def _check_offset(offset, method):
    """The result of tzinfo.utcoffset() or .dst(), validated."""
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (method, _tp_name(type(offset))))
    if not -_ONE_DAY < offset < _ONE_DAY:
        raise ValueError("offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24).")
    return offset


def _check_tzname(name):
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                        % _tp_name(type(name)))
    return name


def _format_offset(offset, sep):
    """'+05:30' (sep ':') or '+0530' (sep ''), seconds and microseconds
    only when present; '' for None."""
    if offset is None:
        return ''
    us = _td_us(offset)
    sign = '+'
    if us < 0:
        sign = '-'
        us = -us
    seconds, us = divmod(us, _US_PER_SECOND)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    text = '%s%02d%s%02d' % (sign, hours, sep, minutes)
    if seconds or us:
        text += '%s%02d' % (sep, seconds)
        if us:
            text += '.%06d' % us
    return text


def _format_time(hour, minute, second, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return '%02d' % hour
    if timespec == 'minutes':
        return '%02d:%02d' % (hour, minute)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hour, minute, second)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hour, minute, second, us // 1000)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hour, minute, second, us)
    raise ValueError("Unknown timespec value")


def _struct_time(year, month, day, hour, minute, second, dstflag):
    return _time.struct_time((year, month, day, hour, minute, second,
                              _weekday(year, month, day),
                              _day_of_year(year, month, day), dstflag))


def _wrap_strftime(fmt, timetuple, us, get_offset, get_name):
    """time.strftime(fmt, timetuple) after expanding %f, %z and %Z, which
    time.strftime cannot know; get_offset/get_name are called on demand."""
    pieces = []
    start = 0
    while True:
        i = fmt.find('%', start)
        if i < 0 or i + 1 >= len(fmt):
            pieces.append(fmt[start:])
            break
        pieces.append(fmt[start:i])
        code = fmt[i + 1]
        if code == 'f':
            pieces.append('%06d' % us)
        elif code == 'z':
            pieces.append(_format_offset(get_offset(), ''))
        elif code == 'Z':
            name = get_name()
            if name is not None:
                pieces.append(name.replace('%', '%%'))
        else:
            pieces.append(fmt[i:i + 2])
        start = i + 2
    return _time.strftime(''.join(pieces), timetuple)


def _no_offset():
    return None


def _check_strftime_format(fmt):
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s"
                        % _tp_name(type(fmt)))


def _check_format_spec(fmt):
    if not isinstance(fmt, str):
        raise TypeError("__format__() argument 1 must be str, not %s"
                        % _tp_name(type(fmt)))


# Copies go through __reduce_ex__, as CPython's copy module does for these
# types (kaa's copy module would otherwise call __new__ without arguments).
def _copy(self):
    rebuild, args = self.__reduce_ex__(4)[:2]
    return rebuild(*args)


def _deepcopy(self, memo):
    import copy
    rebuild, args = self.__reduce_ex__(4)[:2]
    return rebuild(*copy.deepcopy(args, memo))


# ---------------------------------------------------------------------------
# timedelta

# The keyword arguments in the order CPython accumulates them, with their
# size in microseconds.
_TIMEDELTA_UNITS = (("microseconds", 1), ("milliseconds", 1000),
                    ("seconds", _US_PER_SECOND), ("minutes", 60 * _US_PER_SECOND),
                    ("hours", 3600 * _US_PER_SECOND), ("days", _US_PER_DAY),
                    ("weeks", 7 * _US_PER_DAY))


def _td_us(td):
    """A timedelta's length in microseconds."""
    return (td._days * _SECONDS_PER_DAY + td._seconds) * _US_PER_SECOND + td._microseconds


def _td_from_us(us, cls=None):
    """A normalized timedelta of us microseconds (an exact int)."""
    days, us = divmod(us, _US_PER_DAY)
    seconds, us = divmod(us, _US_PER_SECOND)
    if not -_MAX_DELTA_DAYS <= days <= _MAX_DELTA_DAYS:
        raise OverflowError("days=%d; must have magnitude <= %d"
                            % (days, _MAX_DELTA_DAYS))
    self = object.__new__(timedelta if cls is None else cls)
    self._days = days
    self._seconds = seconds
    self._microseconds = us
    return self


def _float_ratio_product(us, value, divide):
    """us * value (or us / value) for a float value, exactly rounded to the
    nearest microsecond, ties to even."""
    numerator, denominator = value.as_integer_ratio()
    if divide:
        return _td_from_us(_divide_nearest(us * denominator, numerator))
    return _td_from_us(_divide_nearest(us * numerator, denominator))


class timedelta(metaclass=_DatetimeType):
    """Difference between two dates or times, kept as days, seconds
    (0..86399) and microseconds (0..999999)."""

    __slots__ = ('_days', '_seconds', '_microseconds')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0):
        values = (microseconds, milliseconds, seconds, minutes, hours, days, weeks)
        total = 0
        # Integer parts are exact; fractional microseconds of float
        # arguments are summed as floats and rounded once at the end, as
        # CPython's C implementation does.
        leftover = 0.0
        for (name, unit), value in zip(_TIMEDELTA_UNITS, values):
            if isinstance(value, int):
                total += value * unit
            elif isinstance(value, float):
                whole = int(value)
                total += whole * unit
                fraction = value - whole
                if fraction != 0.0:
                    scaled = unit * fraction
                    whole = int(scaled)
                    total += whole
                    leftover += scaled - whole
            else:
                raise TypeError("unsupported type for timedelta %s component: %s"
                                % (name, _tp_name(type(value))))
        if leftover:
            rounded = _round_half_away(leftover)
            if abs(rounded - leftover) == 0.5:
                # A tie: round so that the total comes out even.
                odd = total & 1
                rounded = 2.0 * _round_half_away((leftover + odd) * 0.5) - odd
            total += int(rounded)
        return _td_from_us(total, cls)

    @property
    def days(self):
        """Number of days."""
        return self._days

    @property
    def seconds(self):
        """Number of seconds (>= 0 and less than 1 day)."""
        return self._seconds

    @property
    def microseconds(self):
        """Number of microseconds (>= 0 and less than 1 second)."""
        return self._microseconds

    def total_seconds(self):
        """Total seconds in the duration."""
        return _td_us(self) / _US_PER_SECOND

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        return "%s(%s)" % (_tp_name(type(self)), ", ".join(args) or "0")

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = "%d:%02d:%02d" % (hours, minutes, seconds)
        if self._days:
            plural = "" if abs(self._days) == 1 else "s"
            text = "%d day%s, %s" % (self._days, plural, text)
        if self._microseconds:
            text += ".%06d" % self._microseconds
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us(_td_us(self) + _td_us(other))
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us(_td_us(self) - _td_us(other))
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us(_td_us(other) - _td_us(self))
        return NotImplemented

    def __neg__(self):
        return _td_from_us(-_td_us(self))

    def __pos__(self):
        return _td_from_us(_td_us(self))

    def __abs__(self):
        return -self if self._days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return _td_from_us(_td_us(self) * other)
        if isinstance(other, float):
            return _float_ratio_product(_td_us(self), other, False)
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return _td_us(self) // _td_us(other)
        if isinstance(other, int):
            return _td_from_us(_td_us(self) // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return _td_us(self) / _td_us(other)
        if isinstance(other, int):
            return _td_from_us(_divide_nearest(_td_us(self), other))
        if isinstance(other, float):
            return _float_ratio_product(_td_us(self), other, True)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us(_td_us(self) % _td_us(other))
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(_td_us(self), _td_us(other))
            return q, _td_from_us(r)
        return NotImplemented

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return (type(self), self._key())

    def __reduce_ex__(self, protocol):
        return self.__reduce__()

    __copy__ = _copy
    __deepcopy__ = _deepcopy


timedelta.__name__ = 'datetime.timedelta'
_ONE_DAY = timedelta(1)
_ZERO = timedelta(0)
timedelta.min = timedelta(-_MAX_DELTA_DAYS)
timedelta.max = timedelta(_MAX_DELTA_DAYS, _SECONDS_PER_DAY - 1, _US_PER_SECOND - 1)
timedelta.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------
# ISO 8601 parsing, following the C implementation step by step so that the
# same strings are accepted (including its tolerance of a stray character
# before a UTC offset). Strings are padded with NULs so that reading past
# the end sees what C sees.

_NUL_PAD = '\0' * 16


def _iso_digits(s, pos, count):
    """The int spelled by s[pos:pos+count] if all are ASCII digits, else None."""
    value = 0
    for i in range(pos, pos + count):
        c = s[i]
        if not '0' <= c <= '9':
            return None
        value = value * 10 + ord(c) - 48
    return value


def _parse_iso_date(s, length):
    """(year, month, day) from s[:length], or None. s is NUL-padded."""
    year = _iso_digits(s, 0, 4)
    if year is None:
        return None
    p = 4
    dashed = s[p] == '-'
    if dashed:
        p += 1
    if s[p] == 'W':
        week = _iso_digits(s, p + 1, 2)
        if week is None:
            return None
        p += 3
        day = 1
        if p < length:
            if dashed:
                if s[p] != '-':
                    return None
                p += 1
            day = _iso_digits(s, p, 1)
            if day is None:
                return None
        ordinal = _iso_to_ordinal(year, week, day)
        if ordinal < 0:
            return None
        return _ord_to_ymd(ordinal)
    month = _iso_digits(s, p, 2)
    if month is None:
        return None
    p += 2
    if dashed:
        if s[p] != '-':
            return None
        p += 1
    day = _iso_digits(s, p, 2)
    if day is None:
        return None
    return year, month, day


def _parse_iso_hms(s, p, end):
    """Parse [HH[:?MM[:?SS[.ffffff]]]] from s[p:end]: (status, hour, minute,
    second, microsecond). status < 0 is an error; 1 means characters other
    than the end of the string follow."""
    fields = [0, 0, 0]
    separated = True
    for i in range(3):
        value = _iso_digits(s, p, 2)
        if value is None:
            return -3, 0, 0, 0, 0
        fields[i] = value
        c = s[p + 2]
        p += 3
        if i == 0:
            separated = c == ':'
        if p >= end:
            return int(c != '\0'), fields[0], fields[1], fields[2], 0
        if separated and c == ':':
            continue
        if c == '.' or c == ',':
            break
        if separated:
            return -4, 0, 0, 0, 0
        p -= 1
    count = min(end - p, 6)
    us = _iso_digits(s, p, count)
    if us is None:
        return -3, 0, 0, 0, 0
    us *= 10 ** (6 - count)
    p += count
    while '0' <= s[p] <= '9':
        p += 1
    return int(s[p] != '\0'), fields[0], fields[1], fields[2], us


def _parse_iso_time(s, start, length):
    """(hour, minute, second, microsecond, tzinfo) from s[start:start+length],
    or None when invalid. s is NUL-padded."""
    end = start + length
    tzpos = start
    while True:
        if s[tzpos] in '+-Z':
            break
        tzpos += 1
        if tzpos >= end:
            break
    status, hour, minute, second, us = _parse_iso_hms(s, start, tzpos)
    if status < 0:
        return None
    if tzpos == end:
        if status == 1:
            return None
        return hour, minute, second, us, None
    if s[tzpos] == 'Z':
        if s[tzpos + 1] != '\0':
            return None
        return hour, minute, second, us, timezone.utc
    sign = -1 if s[tzpos] == '-' else 1
    status, tzh, tzm, tzs, tzus = _parse_iso_hms(s, tzpos + 1, end)
    if status != 0:
        return None
    seconds = sign * (tzh * 3600 + tzm * 60 + tzs)
    tzus *= sign
    if seconds == 0 and tzus == 0:
        tz = timezone.utc
    else:
        tz = timezone(timedelta(seconds=seconds, microseconds=tzus))
    return hour, minute, second, us, tz


def _iso_separator_index(s, length):
    """Where the date part of an ISO datetime string ends, or -1."""
    if length == 7:
        return 7
    if s[4] == '-':
        if s[5] != 'W':
            return 10                       # YYYY-MM-DD
        if length < 8:
            return -1
        if length > 8 and s[8] == '-':
            if length == 9:
                return -1
            if length > 10 and '0' <= s[10] <= '9':
                return 8                    # YYYY-Www-HH...: time after "-"
            return 10                       # YYYY-Www-D
        return 8                            # YYYY-Www
    if s[4] == 'W':
        # YYYYWww or YYYYWwwD: count the digits that follow.
        i = 7
        while i < length and '0' <= s[i] <= '9':
            i += 1
        if i < 9:
            return i
        return 7 if i % 2 == 0 else 8
    return 8                                # YYYYMMDD


def _check_iso_arg(text):
    if not isinstance(text, str):
        raise TypeError("fromisoformat: argument must be str")


def _iso_bytes(text):
    """text as the C parser sees it, one character per UTF-8 byte (so that
    lengths and positions agree), or None if it has surrogates."""
    if text.isascii():
        return text
    for c in text:
        if '\ud800' <= c <= '\udfff':
            return None
    return text.encode('utf-8').decode('latin-1')


def _iso_sanitize_separator(text):
    """CPython accepts any one character as the date/time separator: the
    first non-ASCII character at index 7, 8 or 10 becomes 'T'."""
    for pos in (7, 8, 10):
        if pos >= len(text):
            break
        if ord(text[pos]) > 127:
            return text[:pos] + 'T' + text[pos + 1:]
    return text


def _invalid_iso(text):
    return ValueError("Invalid isoformat string: %r" % (text,))


# ---------------------------------------------------------------------------
# date

class _IsoCalendarDate(tuple):
    """The result of isocalendar(): a (year, week, weekday) tuple."""

    __slots__ = ()

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % self

    def __reduce__(self):
        return (tuple, (tuple(self),))


_IsoCalendarDate.__name__ = 'IsoCalendarDate'
_IsoCalendarDate.__qualname__ = 'IsoCalendarDate'


def _new_date(cls, year, month, day):
    self = object.__new__(cls)
    self._year = year
    self._month = month
    self._day = day
    return self


def _date_of(cls, year, month, day):
    """An instance of cls for checked fields; subclasses get their own
    constructor called, as in CPython."""
    if cls is date:
        return _new_date(date, year, month, day)
    return cls(year, month, day)


def _check_time_t(seconds):
    """seconds, if it fits C's 64-bit time_t."""
    if not -2 ** 63 <= seconds < 2 ** 63:
        raise OverflowError("timestamp out of range for platform time_t")
    return seconds


def _timestamp_floor(t):
    """A timestamp as whole seconds, rounded down."""
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        if t in (float('inf'), float('-inf')):
            raise OverflowError("timestamp out of range for platform time_t")
        whole = int(t)
        return _check_time_t(whole - 1 if whole > t else whole)
    return _check_time_t(_int_arg(t))


class date(metaclass=_DatetimeType):
    """A date of the proleptic Gregorian calendar: date(year, month, day)."""

    __slots__ = ('_year', '_month', '_day')

    def __new__(cls, year=_MISSING, month=_MISSING, day=_MISSING):
        if (month is _MISSING and isinstance(year, bytes) and len(year) == 4
                and 1 <= year[2] <= 12):
            # Pickle state, as __reduce__ writes it.
            return _new_date(cls, year[0] * 256 + year[1], year[2], year[3])
        for value, name, pos in ((year, 'year', 1), (month, 'month', 2), (day, 'day', 3)):
            if value is _MISSING:
                raise TypeError("function missing required argument '%s' (pos %d)"
                                % (name, pos))
        year, month, day = _check_date_fields(year, month, day)
        return _new_date(cls, year, month, day)

    # Alternate constructors.

    @classmethod
    def fromtimestamp(cls, t):
        """The local date at POSIX timestamp t."""
        tm = _localtime(_timestamp_floor(t))
        return cls(tm[0], tm[1], tm[2])

    @classmethod
    def today(cls):
        """Today's local date (a datetime for the datetime class)."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """The date of proleptic Gregorian ordinal n (0001-01-01 is 1)."""
        n = _int_arg(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        year, month, day = _ord_to_ymd(n)
        if year > MAXYEAR:
            raise ValueError("year %d is out of range" % year)
        return _date_of(cls, year, month, day)

    @classmethod
    def fromisoformat(cls, date_string):
        """The date spelled by an ISO 8601 date string (YYYY-MM-DD, YYYYMMDD,
        YYYY-Www[-D] or YYYYWww[D])."""
        _check_iso_arg(date_string)
        text = _iso_bytes(date_string)
        parsed = None
        if text is not None and len(text) in (7, 8, 10):
            parsed = _parse_iso_date(text + _NUL_PAD, len(text))
        if parsed is None:
            raise _invalid_iso(date_string)
        return cls(*parsed)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """The date of an ISO calendar year, week and weekday."""
        year = _int_arg(year)
        week = _int_arg(week)
        day = _int_arg(day)
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError("Year is out of range: %d" % year)
        ordinal = _iso_to_ordinal(year, week, day)
        if ordinal == -2:
            raise ValueError("Invalid week: %d" % week)
        if ordinal == -3:
            raise ValueError("Invalid day: %d (range is [1, 7])" % day)
        return cls(*_ord_to_ymd(ordinal))

    # Fields.

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    # Formatting.

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_tp_name(type(self)), self._year,
                                   self._month, self._day)

    def isoformat(self):
        """The date as YYYY-MM-DD."""
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    def ctime(self):
        """The date in the style of time.ctime(), e.g. 'Tue Jan  2 00:00:00 2024'."""
        return "%s %s %2d 00:00:00 %04d" % (
            _DAY_NAMES[_weekday(self._year, self._month, self._day)],
            _MONTH_NAMES[self._month], self._day, self._year)

    def strftime(self, format):
        """The date formatted by strftime directives (time fields are zero)."""
        _check_strftime_format(format)
        return _wrap_strftime(format, self.timetuple(), 0, _no_offset, _no_offset)

    def __format__(self, fmt):
        _check_format_spec(fmt)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    # Calendar views.

    def timetuple(self):
        """The date as a time.struct_time (tm_isdst -1)."""
        return _struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        """The proleptic Gregorian ordinal (0001-01-01 is 1)."""
        return _ymd_to_ord(self._year, self._month, self._day)

    def weekday(self):
        """Day of the week, Monday 0 to Sunday 6."""
        return _weekday(self._year, self._month, self._day)

    def isoweekday(self):
        """ISO day of the week, Monday 1 to Sunday 7."""
        return _weekday(self._year, self._month, self._day) + 1

    def isocalendar(self):
        """The ISO (year, week, weekday) of the date, as a named tuple."""
        year = self._year
        today = _ymd_to_ord(year, self._month, self._day)
        monday = _iso_week1_monday(year)
        if today < monday:
            year -= 1
            monday = _iso_week1_monday(year)
        else:
            next_monday = _iso_week1_monday(year + 1)
            if today >= next_monday:
                year += 1
                monday = next_monday
        week, day = divmod(today - monday, 7)
        return _IsoCalendarDate(year, week + 1, day + 1)

    def replace(self, year=_MISSING, month=_MISSING, day=_MISSING):
        """A copy with the given fields changed."""
        if year is _MISSING:
            year = self._year
        if month is _MISSING:
            month = self._month
        if day is _MISSING:
            day = self._day
        return _new_date(type(self), *_check_date_fields(year, month, day))

    # Comparisons: a date never equals a datetime (datetime handles that).

    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime)

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if self._comparable(other):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if self._comparable(other):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if self._comparable(other):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if self._comparable(other):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if self._comparable(other):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    # Arithmetic.

    def __add__(self, other):
        if isinstance(other, timedelta):
            ordinal = self.toordinal() + other._days
            if not 1 <= ordinal <= _MAX_ORDINAL:
                raise OverflowError("date value out of range")
            return _date_of(type(self), *_ord_to_ymd(ordinal))
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other._days)
        if self._comparable(other):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    # Pickling and copying.

    def _state(self):
        return bytes((self._year >> 8, self._year & 255, self._month, self._day))

    def __reduce__(self):
        return (type(self), (self._state(),))

    def __reduce_ex__(self, protocol):
        return self.__reduce__()

    __copy__ = _copy
    __deepcopy__ = _deepcopy


date.__name__ = 'datetime.date'
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# ---------------------------------------------------------------------------
# tzinfo

class tzinfo(metaclass=_DatetimeType):
    """Base class of time zones: subclasses give utcoffset(), dst() and
    tzname() for a datetime (or None)."""

    __slots__ = ()

    def tzname(self, dt):
        """Name of the zone at dt; subclasses must define it."""
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        """Offset from UTC at dt (east positive); subclasses must define it."""
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        """Daylight saving adjustment at dt; subclasses must define it."""
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        """Convert dt, whose fields are UTC, to this zone: the default works from
        utcoffset() and dst()."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt._tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        offset = _check_offset(self.utcoffset(dt), 'utcoffset')
        if offset is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = _check_offset(self.dst(dt), 'dst')
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        # Move by the standard offset first, then by the DST in force at
        # the resulting local time.
        standard = offset - dst
        if standard:
            dt += standard
            dst = _check_offset(dt.dst(), 'dst')
            if dst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent results; "
                                 "cannot convert")
        return dt + dst

    def __reduce__(self):
        getinitargs = getattr(self, '__getinitargs__', None)
        args = getinitargs() if getinitargs is not None else ()
        getstate = getattr(self, '__getstate__', None)
        if getstate is not None:
            state = getstate()
        else:
            state = getattr(self, '__dict__', None) or None
        return (type(self), args, state)


tzinfo.__name__ = 'datetime.tzinfo'


# ---------------------------------------------------------------------------
# time

def _new_time(cls, hour, minute, second, microsecond, tz, fold):
    self = object.__new__(cls)
    self._hour = hour
    self._minute = minute
    self._second = second
    self._microsecond = microsecond
    self._tzinfo = tz
    self._fold = fold
    return self


def _append_keywords(text, fold, tz, fold_first):
    """A constructor repr with its fold and tzinfo keywords added (CPython's
    datetime puts fold first, its time puts tzinfo first)."""
    keywords = []
    if tz is not None:
        keywords.append("tzinfo=%r" % (tz,))
    if fold:
        keywords.insert(0 if fold_first else len(keywords), "fold=1")
    if keywords:
        text = text[:-1] + ", " + ", ".join(keywords) + ")"
    return text


class time(metaclass=_DatetimeType):
    """A time of day: time(hour=0, minute=0, second=0, microsecond=0,
    tzinfo=None, *, fold=0)."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        if isinstance(hour, bytes) and len(hour) == 6 and hour[0] & 127 < 24:
            # Pickle state; a second positional argument is the tzinfo.
            tz = None if isinstance(minute, int) else minute
            _check_tzinfo(tz)
            us = (hour[3] << 16) | (hour[4] << 8) | hour[5]
            return _new_time(cls, hour[0] & 127, hour[1], hour[2], us, tz, hour[0] >> 7)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        return _new_time(cls, hour, minute, second, microsecond, tzinfo, fold)

    @classmethod
    def fromisoformat(cls, time_string):
        """The time spelled by an ISO 8601 time string, optionally with a UTC
        offset."""
        _check_iso_arg(time_string)
        text = _iso_bytes(time_string)
        if text is not None and text[:1] == 'T':
            text = text[1:]
        parsed = None
        if text:
            parsed = _parse_iso_time(text + _NUL_PAD, 0, len(text))
        if parsed is None:
            raise _invalid_iso(time_string)
        return cls(*parsed)

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    # Time zone queries: a time's tzinfo methods are called with None.

    def utcoffset(self):
        """The tzinfo's utcoffset(None), or None for a naive time."""
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.utcoffset(None), 'utcoffset')

    def dst(self):
        """The tzinfo's dst(None), or None for a naive time."""
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.dst(None), 'dst')

    def tzname(self):
        """The tzinfo's tzname(None), or None for a naive time."""
        if self._tzinfo is None:
            return None
        return _check_tzname(self._tzinfo.tzname(None))

    # Formatting.

    def __repr__(self):
        if self._microsecond:
            text = "%s(%d, %d, %d, %d)" % (_tp_name(type(self)), self._hour, self._minute,
                                           self._second, self._microsecond)
        elif self._second:
            text = "%s(%d, %d, %d)" % (_tp_name(type(self)), self._hour, self._minute,
                                       self._second)
        else:
            text = "%s(%d, %d)" % (_tp_name(type(self)), self._hour, self._minute)
        return _append_keywords(text, self._fold, self._tzinfo, False)

    def isoformat(self, timespec='auto'):
        """The time as HH:MM:SS[.ffffff][+HH:MM]; timespec ('auto', 'hours',
        'minutes', 'seconds', 'milliseconds', 'microseconds') picks the
        fields."""
        if not isinstance(timespec, str):
            raise TypeError("isoformat() argument 1 must be str, not %s"
                            % _tp_name(type(timespec)))
        text = _format_time(self._hour, self._minute, self._second,
                            self._microsecond, timespec)
        return text + _format_offset(self.utcoffset(), ':')

    def __str__(self):
        return self.isoformat()

    def strftime(self, format):
        """The time formatted by strftime directives (the date is 1900-01-01)."""
        _check_strftime_format(format)
        timetuple = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _wrap_strftime(format, timetuple, self._microsecond,
                              self.utcoffset, self.tzname)

    def __format__(self, fmt):
        _check_format_spec(fmt)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=_MISSING, minute=_MISSING, second=_MISSING,
                microsecond=_MISSING, tzinfo=True, *, fold=_MISSING):
        """A copy with the given fields changed."""
        if hour is _MISSING:
            hour = self._hour
        if minute is _MISSING:
            minute = self._minute
        if second is _MISSING:
            second = self._second
        if microsecond is _MISSING:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is _MISSING:
            fold = self._fold
        fields = _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        return _new_time(type(self), fields[0], fields[1], fields[2], fields[3],
                         tzinfo, fields[4])

    # Comparisons and hashing: aware times compare by their UTC equivalent.

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _compare(self, other):
        """-1, 0 or 1; None when only equality tests are possible."""
        if self._tzinfo is other._tzinfo:
            a, b = self._key(), other._key()
        else:
            off1 = self.utcoffset()
            off2 = other.utcoffset()
            if off1 == off2:
                a, b = self._key(), other._key()
            elif off1 is None or off2 is None:
                return None
            else:
                # As in CPython, only whole seconds of the offsets count.
                a = (self._hour * 3600 + self._minute * 60 + self._second
                     - off1._days * _SECONDS_PER_DAY - off1._seconds, self._microsecond)
                b = (other._hour * 3600 + other._minute * 60 + other._second
                     - off2._days * _SECONDS_PER_DAY - off2._seconds, other._microsecond)
        return (a > b) - (a < b)

    def _order(self, other):
        if not isinstance(other, time):
            return None
        result = self._compare(other)
        if result is None:
            raise TypeError("can't compare offset-naive and offset-aware times")
        return result

    def __eq__(self, other):
        if isinstance(other, time):
            return self._compare(other) == 0
        return NotImplemented

    def __lt__(self, other):
        result = self._order(other)
        return NotImplemented if result is None else result < 0

    def __le__(self, other):
        result = self._order(other)
        return NotImplemented if result is None else result <= 0

    def __gt__(self, other):
        result = self._order(other)
        return NotImplemented if result is None else result > 0

    def __ge__(self, other):
        result = self._order(other)
        return NotImplemented if result is None else result >= 0

    def __hash__(self):
        target = self.replace(fold=0) if self._fold else self
        offset = target.utcoffset()
        seconds = self._hour * 3600 + self._minute * 60 + self._second
        if offset is None:
            return hash(self._key())
        us = seconds * _US_PER_SECOND + self._microsecond - _td_us(offset)
        return hash(_td_from_us(us))

    def __bool__(self):
        return True

    # Pickling and copying.

    def _state(self, protocol):
        us = self._microsecond
        hour = self._hour | 128 if self._fold and protocol > 3 else self._hour
        return bytes((hour, self._minute, self._second, us >> 16, (us >> 8) & 255, us & 255))

    def __reduce_ex__(self, protocol):
        state = self._state(protocol)
        if self._tzinfo is None:
            return (type(self), (state,))
        return (type(self), (state, self._tzinfo))

    def __reduce__(self):
        return self.__reduce_ex__(2)

    __copy__ = _copy
    __deepcopy__ = _deepcopy


time.__name__ = 'datetime.time'
time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------
# Local time, from time.localtime(). Offsets are worked out from the fields
# localtime() returns, since kaa's struct_time has no tm_gmtoff.

def _localtime(seconds):
    """time.localtime(seconds) for a timestamp already known to fit time_t.
    CPython reports a year too large for C's struct tm as OSError(EOVERFLOW);
    kaa's time module raises OverflowError, so it is translated here."""
    try:
        return _time.localtime(seconds)
    except OverflowError:
        raise _year_overflow() from None


def _local_fields(seconds):
    tm = _localtime(seconds)
    return tm[0], tm[1], tm[2], tm[3], tm[4], min(tm[5], 59)


def _local_offset(seconds):
    """Seconds east of UTC in force at UTC time `seconds`."""
    return _seconds_from_fields(*_local_fields(seconds)) - seconds


def _local_fold(seconds, wall):
    """1 if the local wall time `wall` (shown at UTC `seconds`) was already
    shown once earlier, i.e. the clock was set back; else 0."""
    try:
        shift = (wall - seconds) - _local_offset(seconds - _SECONDS_PER_DAY)
        if shift < 0:
            earlier = seconds + shift
            if earlier + _local_offset(earlier) == wall:
                return 1
    except (OverflowError, OSError, ValueError):
        pass
    return 0


def _local_to_utc(wall, fold):
    """UTC seconds of local wall-clock seconds `wall` (naive fields read as
    UTC). In a repeated hour fold picks the earlier (0) or later (1) time;
    in a skipped hour fold 0 uses the offset from before the change."""
    before = _local_offset(wall - _SECONDS_PER_DAY)
    after = _local_offset(wall + _SECONDS_PER_DAY)
    first = wall - before
    if before == after:
        return first
    second = wall - after
    first_ok = _local_offset(first) == before
    second_ok = _local_offset(second) == after
    if first_ok and second_ok:
        return first if fold == 0 else second
    if first_ok:
        return first
    if second_ok:
        return second
    return first if fold == 0 else second


def _local_timezone(seconds):
    """The local zone at UTC `seconds` as a fixed-offset timezone."""
    tm = _localtime(seconds)
    offset = _seconds_from_fields(tm[0], tm[1], tm[2], tm[3], tm[4], min(tm[5], 59)) - seconds
    # kaa's struct_time has no tm_zone, but time.strftime() finds the name.
    return timezone(timedelta(seconds=offset), _time.strftime('%Z', tm))


def _split_timestamp(t):
    """(whole seconds, microseconds) of a timestamp, rounded half to even."""
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        if t in (float('inf'), float('-inf')):
            raise OverflowError("timestamp out of range for platform time_t")
        whole = int(t)
        us = int(round((t - whole) * 1e6))
        if us >= _US_PER_SECOND:
            us -= _US_PER_SECOND
            whole += 1
        elif us < 0:
            us += _US_PER_SECOND
            whole -= 1
        return _check_time_t(whole), us
    return _check_time_t(_int_arg(t)), 0


# ---------------------------------------------------------------------------
# datetime

def _new_datetime(cls, year, month, day, hour, minute, second, microsecond, tz, fold):
    self = object.__new__(cls)
    self._year = year
    self._month = month
    self._day = day
    self._hour = hour
    self._minute = minute
    self._second = second
    self._microsecond = microsecond
    self._tzinfo = tz
    self._fold = fold
    return self


def _datetime_of(cls, year, month, day, hour, minute, second, microsecond, tz, fold=0):
    """An instance of cls for checked fields (subclass constructors run)."""
    if cls is datetime:
        return _new_datetime(datetime, year, month, day, hour, minute, second,
                             microsecond, tz, fold)
    if fold:
        return cls(year, month, day, hour, minute, second, microsecond, tz, fold=fold)
    return cls(year, month, day, hour, minute, second, microsecond, tz)


def _datetime_from_us(cls, us, tz):
    """A datetime of cls `us` microseconds after 0001-01-01 00:00 minus one
    day (that is, counted from ordinal 0)."""
    days, us = divmod(us, _US_PER_DAY)
    if not 1 <= days <= _MAX_ORDINAL:
        raise OverflowError("date value out of range")
    year, month, day = _ord_to_ymd(days)
    seconds, us = divmod(us, _US_PER_SECOND)
    hour, seconds = divmod(seconds, 3600)
    minute, second = divmod(seconds, 60)
    return _datetime_of(cls, year, month, day, hour, minute, second, us, tz)


class datetime(date):
    """A date and time of day: datetime(year, month, day, hour=0, minute=0,
    second=0, microsecond=0, tzinfo=None, *, fold=0)."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year=_MISSING, month=_MISSING, day=_MISSING, hour=0, minute=0,
                second=0, microsecond=0, tzinfo=None, *, fold=0):
        if (isinstance(year, bytes) and len(year) == 10
                and 1 <= year[2] & 127 <= 12):
            # Pickle state; a second positional argument is the tzinfo.
            tz = None if month is _MISSING else month
            _check_tzinfo(tz)
            us = (year[7] << 16) | (year[8] << 8) | year[9]
            return _new_datetime(cls, year[0] * 256 + year[1], year[2] & 127, year[3],
                                 year[4], year[5], year[6], us, tz, year[2] >> 7)
        for value, name, pos in ((year, 'year', 1), (month, 'month', 2), (day, 'day', 3)):
            if value is _MISSING:
                raise TypeError("function missing required argument '%s' (pos %d)"
                                % (name, pos))
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        return _new_datetime(cls, year, month, day, hour, minute, second,
                             microsecond, tzinfo, fold)

    # Alternate constructors.

    @classmethod
    def _from_seconds(cls, seconds, us, tz, utc):
        """The datetime of UTC `seconds` and `us`: local time when utc is
        false and tz is None, else UTC (then converted by tz.fromutc)."""
        if utc or tz is not None:
            fields = _fields_from_seconds(seconds)
            result = _datetime_of(cls, *fields, us, tz)
            if tz is not None:
                result = tz.fromutc(result)
            return result
        fields = _local_fields(seconds)
        if not MINYEAR <= fields[0] <= MAXYEAR:
            raise ValueError("year %d is out of range" % fields[0])
        fold = _local_fold(seconds, _seconds_from_fields(*fields))
        return _datetime_of(cls, *fields, us, None, fold)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        """The datetime at POSIX timestamp t: local and naive, or in zone tz."""
        _check_tzinfo(tz)
        seconds, us = _split_timestamp(t)
        return cls._from_seconds(seconds, us, tz, False)

    @classmethod
    def utcfromtimestamp(cls, t):
        """The naive UTC datetime at POSIX timestamp t."""
        seconds, us = _split_timestamp(t)
        return cls._from_seconds(seconds, us, None, True)

    @classmethod
    def now(cls, tz=None):
        """The current time: local and naive, or in zone tz."""
        _check_tzinfo(tz)
        seconds, us = divmod(_time.time_ns() // 1000, _US_PER_SECOND)
        return cls._from_seconds(seconds, us, tz, False)

    @classmethod
    def utcnow(cls):
        """The current UTC time as a naive datetime."""
        seconds, us = divmod(_time.time_ns() // 1000, _US_PER_SECOND)
        return cls._from_seconds(seconds, us, None, True)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        """A datetime of date's date and time's time, with time's tzinfo unless
        tzinfo is given."""
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % _tp_name(type(date)))
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % _tp_name(type(time)))
        if tzinfo is True:
            tzinfo = time._tzinfo
        _check_tzinfo(tzinfo)
        return _datetime_of(cls, date._year, date._month, date._day, time._hour,
                            time._minute, time._second, time._microsecond, tzinfo,
                            time._fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """The datetime spelled by an ISO 8601 string: a date, any one
        separator character, a time and an optional UTC offset."""
        _check_iso_arg(date_string)
        parsed = None
        text = None
        if len(date_string) >= 7:
            text = _iso_bytes(_iso_sanitize_separator(date_string))
        if text is not None:
            length = len(text)
            s = text + _NUL_PAD
            sep = _iso_separator_index(s, length)
            if sep >= 0:
                parsed = _parse_iso_date(s, sep)
        if parsed is None:
            raise _invalid_iso(date_string)
        timeparts = (0, 0, 0, 0, None)
        if length > sep:
            timeparts = _parse_iso_time(s, sep + 1, length - sep - 1)
            if timeparts is None:
                raise _invalid_iso(date_string)
        return cls(*parsed, *timeparts)

    @classmethod
    def strptime(cls, date_string, format):
        """Parse date_string by format, with the directives of strftime."""
        for pos, arg in ((1, date_string), (2, format)):
            if not isinstance(arg, str):
                raise TypeError("strptime() argument %d must be str, not %s"
                                % (pos, _tp_name(type(arg))))
        fields, fraction, tzname, gmtoff, gmtoff_fraction = _strptime(date_string, format)
        args = fields + (fraction,)
        if gmtoff is not None:
            offset = timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
            args += (timezone(offset, tzname) if tzname else timezone(offset),)
        return cls(*args)

    # Fields.

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    def date(self):
        """The date part."""
        return _new_date(_date_class, self._year, self._month, self._day)

    def time(self):
        """The time part, without tzinfo."""
        return _new_time(_time_class, self._hour, self._minute, self._second,
                         self._microsecond, None, self._fold)

    def timetz(self):
        """The time part with tzinfo."""
        return _new_time(_time_class, self._hour, self._minute, self._second,
                         self._microsecond, self._tzinfo, self._fold)

    # Time zone queries.

    def utcoffset(self):
        """The tzinfo's utcoffset(self), or None when naive."""
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.utcoffset(self), 'utcoffset')

    def dst(self):
        """The tzinfo's dst(self), or None when naive."""
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.dst(self), 'dst')

    def tzname(self):
        """The tzinfo's tzname(self), or None when naive."""
        if self._tzinfo is None:
            return None
        return _check_tzname(self._tzinfo.tzname(self))

    # Conversions.

    def _wall_seconds(self):
        return _seconds_from_fields(self._year, self._month, self._day,
                                    self._hour, self._minute, self._second)

    def _us(self):
        """Microseconds since ordinal 0 of the naive fields."""
        days = _ymd_to_ord(self._year, self._month, self._day)
        seconds = days * _SECONDS_PER_DAY + self._hour * 3600 + self._minute * 60 + self._second
        return seconds * _US_PER_SECOND + self._microsecond

    def timetuple(self):
        """The datetime as a time.struct_time; tm_isdst from dst()."""
        dst = self.dst()
        flag = -1 if dst is None else (1 if dst else 0)
        return _struct_time(self._year, self._month, self._day, self._hour,
                            self._minute, self._second, flag)

    def utctimetuple(self):
        """The UTC equivalent as a time.struct_time (tm_isdst 0)."""
        offset = self.utcoffset()
        utc = self
        if offset:
            utc = self - offset
        return _struct_time(utc._year, utc._month, utc._day, utc._hour,
                            utc._minute, utc._second, 0)

    def timestamp(self):
        """Seconds since the epoch; naive datetimes are local time."""
        offset = self.utcoffset()
        if offset is None:
            seconds = _local_to_utc(self._wall_seconds(), self._fold)
            return seconds + self._microsecond / 1e6
        us = self._wall_seconds() * _US_PER_SECOND + self._microsecond - _td_us(offset)
        return us / _US_PER_SECOND

    def astimezone(self, tz=None):
        """The same moment in zone tz (default: the local zone as a fixed
        offset); naive datetimes are taken as local time."""
        _check_tzinfo(tz)
        mytz = self._tzinfo
        offset = None
        if mytz is not None:
            if mytz is tz:
                return self
            offset = _check_offset(mytz.utcoffset(self), 'utcoffset')
        if offset is None:
            # Naive: the fields are local time.
            seconds = _local_to_utc(self._wall_seconds(), self._fold)
            offset = _local_timezone(seconds).utcoffset(None)
        utc = _datetime_from_us(type(self), self._us() - _td_us(offset), tz)
        if tz is None:
            seconds = utc._wall_seconds()
            tz = _local_timezone(seconds)
            utc = utc.replace(tzinfo=tz)
        return tz.fromutc(utc)

    def replace(self, year=_MISSING, month=_MISSING, day=_MISSING, hour=_MISSING,
                minute=_MISSING, second=_MISSING, microsecond=_MISSING, tzinfo=True,
                *, fold=_MISSING):
        """A copy with the given fields changed."""
        if year is _MISSING:
            year = self._year
        if month is _MISSING:
            month = self._month
        if day is _MISSING:
            day = self._day
        if hour is _MISSING:
            hour = self._hour
        if minute is _MISSING:
            minute = self._minute
        if second is _MISSING:
            second = self._second
        if microsecond is _MISSING:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is _MISSING:
            fold = self._fold
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        return _new_datetime(type(self), year, month, day, hour, minute, second,
                             microsecond, tzinfo, fold)

    # Formatting.

    def __repr__(self):
        name = _tp_name(type(self))
        if self._microsecond:
            text = "%s(%d, %d, %d, %d, %d, %d, %d)" % (
                name, self._year, self._month, self._day, self._hour,
                self._minute, self._second, self._microsecond)
        elif self._second:
            text = "%s(%d, %d, %d, %d, %d, %d)" % (
                name, self._year, self._month, self._day, self._hour,
                self._minute, self._second)
        else:
            text = "%s(%d, %d, %d, %d, %d)" % (
                name, self._year, self._month, self._day, self._hour, self._minute)
        return _append_keywords(text, self._fold, self._tzinfo, True)

    def isoformat(self, sep='T', timespec='auto'):
        """The datetime as YYYY-MM-DD, sep, then the time as time.isoformat()
        writes it (timespec picks the fields) and any UTC offset."""
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s"
                            % _tp_name(type(sep)))
        if not isinstance(timespec, str):
            raise TypeError("isoformat() argument 2 must be str, not %s"
                            % _tp_name(type(timespec)))
        text = "%04d-%02d-%02d%s%s" % (
            self._year, self._month, self._day, sep,
            _format_time(self._hour, self._minute, self._second, self._microsecond,
                         timespec))
        return text + _format_offset(self.utcoffset(), ':')

    def __str__(self):
        return self.isoformat(sep=' ')

    def ctime(self):
        """The datetime in the style of time.ctime()."""
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAY_NAMES[_weekday(self._year, self._month, self._day)],
            _MONTH_NAMES[self._month], self._day, self._hour, self._minute,
            self._second, self._year)

    def strftime(self, format):
        """The datetime formatted by strftime directives."""
        _check_strftime_format(format)
        return _wrap_strftime(format, self.timetuple(), self._microsecond,
                              self.utcoffset, self.tzname)

    # Comparisons.

    def _fold_changes_offset(self, offset):
        """True if flipping fold would change the UTC offset (PEP 495: such
        times never compare equal across time zones)."""
        flipped = self.replace(fold=1 - self._fold).utcoffset()
        return flipped != offset

    def _compare(self, other, equality):
        """-1, 0 or 1 comparing with another datetime; None for naive vs aware."""
        if self._tzinfo is other._tzinfo:
            a, b = self._us(), other._us()
            return (a > b) - (a < b)
        off1 = self.utcoffset()
        off2 = other.utcoffset()
        if off1 == off2:
            a, b = self._us(), other._us()
        elif off1 is None or off2 is None:
            return None
        else:
            a = self._us() - _td_us(off1)
            b = other._us() - _td_us(off2)
        if a == b and equality:
            if self._fold_changes_offset(off1) or other._fold_changes_offset(off2):
                return 1
        return (a > b) - (a < b)

    def _order(self, other):
        if isinstance(other, datetime):
            result = self._compare(other, False)
            if result is None:
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            return result
        if isinstance(other, date):
            raise TypeError("can't compare %s to %s"
                            % (_tp_name(type(self)), _tp_name(type(other))))
        return None

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __lt__(self, other):
        result = self._order(other)
        return NotImplemented if result is None else result < 0

    def __le__(self, other):
        result = self._order(other)
        return NotImplemented if result is None else result <= 0

    def __gt__(self, other):
        result = self._order(other)
        return NotImplemented if result is None else result > 0

    def __ge__(self, other):
        result = self._order(other)
        return NotImplemented if result is None else result >= 0

    def __hash__(self):
        target = self.replace(fold=0) if self._fold else self
        offset = target.utcoffset()
        us = self._us()
        if offset is not None:
            us -= _td_us(offset)
        days, us = divmod(us, _US_PER_DAY)
        seconds, us = divmod(us, _US_PER_SECOND)
        return hash((days, seconds, us))

    # Arithmetic.

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _datetime_from_us(type(self), self._us() + _td_us(other), self._tzinfo)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _datetime_from_us(type(self), self._us() - _td_us(other), self._tzinfo)
        if not isinstance(other, datetime):
            return NotImplemented
        diff = self._us() - other._us()
        if self._tzinfo is not other._tzinfo:
            off1 = self.utcoffset()
            off2 = other.utcoffset()
            if (off1 is None) != (off2 is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if off1 is not None and off1 != off2:
                diff -= _td_us(off1) - _td_us(off2)
        return _td_from_us(diff)

    # Pickling and copying.

    def _state(self, protocol=2):
        month = self._month | 128 if self._fold and protocol > 3 else self._month
        us = self._microsecond
        return bytes((self._year >> 8, self._year & 255, month, self._day, self._hour,
                      self._minute, self._second, us >> 16, (us >> 8) & 255, us & 255))

    def __reduce_ex__(self, protocol):
        state = self._state(protocol)
        if self._tzinfo is None:
            return (type(self), (state,))
        return (type(self), (state, self._tzinfo))

    def __reduce__(self):
        return self.__reduce_ex__(2)


datetime.__name__ = 'datetime.datetime'
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

# Methods whose parameters are named date and time reach the classes here.
_date_class = date
_time_class = time


# ---------------------------------------------------------------------------
# timezone

class timezone(tzinfo):
    """A time zone at a fixed offset from UTC, with an optional name."""

    __slots__ = ('_offset', '_name')

    def __new__(cls, offset=_MISSING, name=_MISSING):
        if not isinstance(offset, timedelta):
            if offset is _MISSING:
                raise TypeError("timezone() missing required argument 'offset' (pos 1)")
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % _tp_name(type(offset)))
        if name is _MISSING:
            name = None
            if not offset and _UTC is not None:
                return _UTC
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s"
                            % _tp_name(type(name)))
        if not -_ONE_DAY < offset < _ONE_DAY:
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), not %r."
                             % (offset,))
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    def _check_dt(self, dt, method):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError("%s(dt) argument must be a datetime instance or None, not %s"
                            % (method, _tp_name(type(dt))))

    def utcoffset(self, dt):
        """The fixed offset."""
        self._check_dt(dt, 'utcoffset')
        return self._offset

    def dst(self, dt):
        """None: a fixed offset has no daylight saving time."""
        self._check_dt(dt, 'dst')
        return None

    def tzname(self, dt):
        """The name given, else 'UTC' followed by the offset ('UTC+05:30')."""
        self._check_dt(dt, 'tzname')
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset, ':')

    def fromutc(self, dt):
        """Add the offset to dt, whose fields are UTC."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt._tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset

    def __str__(self):
        return self.tzname(None)

    def __repr__(self):
        if self is _UTC:
            return "datetime.timezone.utc"
        if self._name is None:
            return "datetime.timezone(%r)" % (self._offset,)
        return "datetime.timezone(%r, %r)" % (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __getinitargs__(self):
        """Arguments that rebuild this zone (for pickling)."""
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    __copy__ = _copy
    __deepcopy__ = _deepcopy

    def __reduce_ex__(self, protocol):
        return self.__reduce__()


timezone.__name__ = 'datetime.timezone'
_UTC = None
_UTC = timezone(_ZERO)
timezone.utc = _UTC
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = _UTC


# ---------------------------------------------------------------------------
# strptime: CPython's _strptime turns a format into a regular expression
# (case-insensitive, whitespace in the format matching one or more
# whitespace characters) and takes the first match, backtracking through
# alternatives. The same search is done here over a list of items.

_ANY_DIGIT = None       # a character class: any decimal digit (as \d)
_NONZERO = '123456789'

# Alternatives of each numeric directive, in the order the regular
# expression tries them; each is a sequence of character classes.
_NUMERIC_DIRECTIVES = {
    'd': (('3', '01'), ('12', _ANY_DIGIT), ('0', _NONZERO), (_NONZERO,), (' ', _NONZERO)),
    'H': (('2', '0123'), ('01', _ANY_DIGIT), (_ANY_DIGIT,)),
    'I': (('1', '012'), ('0', _NONZERO), (_NONZERO,)),
    'G': ((_ANY_DIGIT,) * 4,),
    'Y': ((_ANY_DIGIT,) * 4,),
    'y': ((_ANY_DIGIT,) * 2,),
    'j': (('3', '6', '0123456'), ('3', '012345', _ANY_DIGIT), ('12', _ANY_DIGIT, _ANY_DIGIT),
          ('0', _NONZERO, _ANY_DIGIT), ('0', '0', _NONZERO), (_NONZERO, _ANY_DIGIT),
          ('0', _NONZERO), (_NONZERO,)),
    'm': (('1', '012'), ('0', _NONZERO), (_NONZERO,)),
    'M': (('012345', _ANY_DIGIT), (_ANY_DIGIT,)),
    'S': (('6', '01'), ('012345', _ANY_DIGIT), (_ANY_DIGIT,)),
    'U': (('5', '0123'), ('01234', _ANY_DIGIT), (_ANY_DIGIT,)),
    'W': (('5', '0123'), ('01234', _ANY_DIGIT), (_ANY_DIGIT,)),
    'V': (('5', '0123'), ('0', _NONZERO), ('1234', _ANY_DIGIT), (_ANY_DIGIT,)),
    'w': (('0123456',),),
    'u': (('1234567',),),
}

_FULL_DAYS = ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')
_FULL_MONTHS = ('january', 'february', 'march', 'april', 'may', 'june', 'july',
                'august', 'september', 'october', 'november', 'december')
_AM_PM = ('am', 'pm')

# The C locale's %c, %x and %X, as _strptime finds them.
_LOCALE_FORMATS = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}

# Characters _strptime escapes before reading directives: after a '%' they
# (like whitespace) make the "bad directive '%'" error.
_REGEX_SPECIALS = '\\.^$*+?(){}[]|'

_LITERAL = 0
_SPACE = 1
_CHOICE = 2

_strptime_cache = {}


def _longest_first(names):
    return tuple(sorted(names, key=len, reverse=True))


# Names each directive matches, longest first as _strptime orders them.
_NAME_DIRECTIVES = {
    'a': _longest_first(name[:3] for name in _FULL_DAYS),
    'A': _longest_first(_FULL_DAYS),
    'b': _longest_first(name[:3] for name in _FULL_MONTHS),
    'B': _longest_first(_FULL_MONTHS),
    'p': _AM_PM,
}


def _zone_names():
    names = {'utc', 'gmt', _time.tzname[0].lower()}
    daylight = set()
    if _time.daylight:
        daylight.add(_time.tzname[1].lower())
    return names, daylight


def _strptime_items(fmt, whole_format, items, groups):
    """Append the items of fmt to items; groups collects directive names."""
    literal = []

    def flush():
        if literal:
            items.append((_LITERAL, ''.join(literal).lower()))
            del literal[:]

    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c.isspace():
            flush()
            while i < n and fmt[i].isspace():
                i += 1
            items.append((_SPACE, None))
            continue
        if c != '%':
            literal.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise ValueError("stray %% in format '%s'" % whole_format)
        code = fmt[i + 1]
        i += 2
        if code == '%':
            literal.append('%')
            continue
        if code in _REGEX_SPECIALS or code.isspace():
            raise ValueError("'%%' is a bad directive in format '%s'" % whole_format)
        if code in _LOCALE_FORMATS:
            flush()
            _strptime_items(_LOCALE_FORMATS[code], whole_format, items, groups)
            continue
        if code in _NUMERIC_DIRECTIVES or code in 'fzaAbBpZ':
            groups.append(code)
            flush()
            items.append((_CHOICE, code))
            continue
        raise ValueError("'%s' is a bad directive in format '%s'" % (code, whole_format))
    flush()


def _class_matches(cls, c):
    if cls is _ANY_DIGIT:
        return c.isdecimal()
    return c in cls


def _name_ends(names, s, pos):
    ends = []
    for name in names:
        end = pos + len(name)
        if s[pos:end].lower() == name:
            ends.append(end)
    return ends


def _digit_run(s, pos, limit, ascii_only):
    end = pos
    while end < len(s) and end - pos < limit:
        c = s[end]
        if not (('0' <= c <= '9') if ascii_only else c.isdecimal()):
            break
        end += 1
    return end - pos


def _offset_ends(s, pos):
    """Ends of a %z match at pos, in the order the regular expression
    [+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|Z tries them."""
    ends = []
    n = len(s)

    def two_digits(p, first):
        return p + 1 < n and s[p] in first and s[p + 1].isdecimal()

    def colon_options(p):
        return (p + 1, p) if p < n and s[p] == ':' else (p,)

    if pos < n and s[pos] in '+-' and _digit_run(s, pos + 1, 2, False) == 2:
        for p1 in colon_options(pos + 3):
            if not two_digits(p1, '012345'):
                continue
            for p2 in colon_options(p1 + 2):
                if not two_digits(p2, '012345'):
                    continue
                p3 = p2 + 2
                if p3 < n and s[p3] == '.':
                    count = _digit_run(s, p3 + 1, 6, False)
                    for k in range(count, 0, -1):
                        ends.append(p3 + 1 + k)
                ends.append(p3)
            ends.append(p1 + 2)
    if s[pos:pos + 1] == 'Z':
        ends.append(pos + 1)
    return ends


def _choice_ends(code, s, pos):
    """Where a directive starting at pos may end, most preferred first."""
    alternatives = _NUMERIC_DIRECTIVES.get(code)
    if alternatives is not None:
        ends = []
        for classes in alternatives:
            end = pos + len(classes)
            if end <= len(s):
                for k, cls in enumerate(classes):
                    if not _class_matches(cls, s[pos + k]):
                        break
                else:
                    ends.append(end)
        return ends
    if code == 'f':
        count = _digit_run(s, pos, 6, True)
        return [pos + k for k in range(count, 0, -1)]
    if code == 'z':
        return _offset_ends(s, pos)
    names = _NAME_DIRECTIVES.get(code)
    if names is not None:
        return _name_ends(names, s, pos)
    standard, daylight = _zone_names()
    return _name_ends(_longest_first(standard | daylight), s, pos)


def _strptime_search(items, s, k, pos, spans):
    """Match items[k:] against s from pos, filling spans; return the end of
    the first match found, or -1."""
    n = len(s)
    while k < len(items):
        kind, arg = items[k]
        if kind == _LITERAL:
            end = pos + len(arg)
            if s[pos:end].lower() != arg:
                return -1
            pos = end
            k += 1
            continue
        if kind == _SPACE:
            end = pos
            while end < n and s[end].isspace():
                end += 1
            ends = range(end, pos, -1)
        else:
            ends = _choice_ends(arg, s, pos)
        for end in ends:
            spans[k] = (pos, end)
            result = _strptime_search(items, s, k + 1, end, spans)
            if result >= 0:
                return result
        return -1
    return pos


def _julian_from_week(year, week, weekday, monday_first):
    """Day of the year of a %U (Sunday-first) or %W (Monday-first) week and
    weekday (Monday 0); may be <= 0 for week 0."""
    first = _weekday(year, 1, 1)
    if not monday_first:
        first = (first + 1) % 7
        weekday = (weekday + 1) % 7
    if week == 0:
        return 1 + weekday - first
    return 1 + (7 - first) % 7 + 7 * (week - 1) + weekday


def _strptime(data, fmt):
    """Parse data with fmt: ((year, month, day, hour, minute, second),
    microsecond, zone name or None, UTC offset seconds or None, offset
    microseconds)."""
    compiled = _strptime_cache.get(fmt)
    if compiled is None:
        compiled = []
        groups = []
        _strptime_items(fmt, fmt, compiled, groups)
        for i, code in enumerate(groups):
            if code in groups[:i]:
                # CPython's regular expression compiler rejects a repeated
                # directive with re.error; kaa has no re module.
                raise ValueError("redefinition of group name %r" % code)
        if len(_strptime_cache) > 20:
            _strptime_cache.clear()
        _strptime_cache[fmt] = compiled
    spans = [None] * len(compiled)
    end = _strptime_search(compiled, data, 0, 0, spans)
    if end < 0:
        raise ValueError("time data %r does not match format %r" % (data, fmt))
    if end != len(data):
        raise ValueError("unconverted data remains: %s" % data[end:])
    found = {}
    for (kind, code), span in zip(compiled, spans):
        if kind == _CHOICE:
            found[code] = data[span[0]:span[1]]

    year = iso_year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tzname = gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = None
    monday_first = False
    weekday = julian = None
    for code, text in found.items():
        if code == 'y':
            year = int(text)
            year += 2000 if year <= 68 else 1900
        elif code == 'Y':
            year = int(text)
        elif code == 'G':
            iso_year = int(text)
        elif code == 'm':
            month = int(text)
        elif code == 'B':
            month = _FULL_MONTHS.index(text.lower()) + 1
        elif code == 'b':
            month = [name[:3] for name in _FULL_MONTHS].index(text.lower()) + 1
        elif code == 'd':
            day = int(text)
        elif code == 'H':
            hour = int(text)
        elif code == 'I':
            hour = int(text)
            ampm = found.get('p', '').lower()
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif hour != 12:
                hour += 12
        elif code == 'M':
            minute = int(text)
        elif code == 'S':
            second = int(text)
        elif code == 'f':
            fraction = int(text + '0' * (6 - len(text)))
        elif code == 'A':
            weekday = _FULL_DAYS.index(text.lower())
        elif code == 'a':
            weekday = [name[:3] for name in _FULL_DAYS].index(text.lower())
        elif code == 'w':
            weekday = (int(text) + 6) % 7
        elif code == 'u':
            weekday = int(text) - 1
        elif code == 'j':
            julian = int(text)
        elif code in 'UW':
            week_of_year = int(text)
            monday_first = code == 'W'
        elif code == 'V':
            iso_week = int(text)
        elif code == 'z':
            gmtoff, gmtoff_fraction = _parse_strptime_offset(text)
        elif code == 'Z':
            tzname = text

    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO "
                             "week directive '%V' and a weekday directive "
                             "('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible "
                             "with ISO year directive '%G'. Use '%Y' instead.")
    elif week_of_year is None and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO "
                             "year directive '%G' and a weekday directive "
                             "('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year "
                         "directive '%Y'. Use the ISO year '%G' instead.")

    # February 29th without a year is computed in 1904 (a leap year) but
    # reported as 1900, which then fails in the constructor, as in CPython.
    leap_year_fix = False
    if year is None:
        if month == 2 and day == 29:
            year = 1904
            leap_year_fix = True
        else:
            year = 1900

    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _julian_from_week(year, week_of_year, weekday, monday_first)
        elif iso_year is not None and iso_week is not None:
            ordinal = _iso_week1_monday(iso_year) + (iso_week - 1) * 7 + weekday
            year = _ord_to_ymd(ordinal)[0]
            julian = ordinal - _ymd_to_ord(year, 1, 1) + 1
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365

    if julian is None:
        # Validates the day as date() would.
        _check_date_fields(year, month, day)
    else:
        year, month, day = _ord_to_ymd(julian - 1 + _ymd_to_ord(year, 1, 1))
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second), fraction, tzname, gmtoff,
            gmtoff_fraction)


def _parse_strptime_offset(text):
    """(seconds, microseconds) of a %z match such as '+05:30' or 'Z'."""
    if text == 'Z':
        return 0, 0
    z = text
    if z[3] == ':':
        z = z[:3] + z[4:]
        if len(z) > 5:
            if z[5] != ':':
                raise ValueError("Inconsistent use of : in %s" % text)
            z = z[:5] + z[6:]
    seconds = int(z[1:3]) * 3600 + int(z[3:5]) * 60 + int(z[5:7] or 0)
    digits = z[8:]
    fraction = int(digits + '0' * (6 - len(digits)))
    if z[0] == '-':
        return -seconds, -fraction
    return seconds, fraction
