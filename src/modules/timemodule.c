/* The time module: clocks (time, perf_counter, monotonic, process_time and
 * their _ns variants), an interruptible sleep, and the calendar functions
 * over struct_time (gmtime, localtime, mktime, strftime, asctime, ctime).
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "mem/mem.h"
#include "objects/structseq.h"
#include "vm/vm.h"

// --- Clocks ----------------------------------------------------------------------------------

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static KaaObject *clock_float(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return KaaFloat_FromDouble((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static KaaObject *time_time(KaaObject *m, KaaObject *unused)
{
    return clock_float(CLOCK_REALTIME);
}

static KaaObject *time_time_ns(KaaObject *m, KaaObject *unused)
{
    return KaaInt_FromInt64(clock_ns(CLOCK_REALTIME));
}

static KaaObject *time_monotonic(KaaObject *m, KaaObject *unused)
{
    return clock_float(CLOCK_MONOTONIC);
}

static KaaObject *time_monotonic_ns(KaaObject *m, KaaObject *unused)
{
    return KaaInt_FromInt64(clock_ns(CLOCK_MONOTONIC));
}

static KaaObject *time_process_time(KaaObject *m, KaaObject *unused)
{
    return clock_float(CLOCK_PROCESS_CPUTIME_ID);
}

static KaaObject *time_process_time_ns(KaaObject *m, KaaObject *unused)
{
    return KaaInt_FromInt64(clock_ns(CLOCK_PROCESS_CPUTIME_ID));
}

// --- sleep -----------------------------------------------------------------------------------

// A number of seconds (int or float) as a double; CPython's messages.
static int seconds_arg(KaaObject *o, double *out)
{
    if (KaaFloat_Check(o)) {
        *out = KaaFloat_AS_DOUBLE(o);
        if (isnan(*out)) {
            KaaErr_SetString(KaaExc(ValueError), "Invalid value NaN (not a number)");
            return -1;
        }
    } else {
        KaaObject *i = KaaNumber_Index(o);
        if (i == NULL) {
            return -1;
        }
        *out = KaaInt_AsDouble(i);
        Kaa_DECREF(i);
        if (*out == -1.0 && KaaErr_Occurred()) {
            return -1;
        }
    }
    if (fabs(*out) >= 9.2e18) {
        KaaErr_SetString(KaaExc(OverflowError), "timestamp out of range for platform time_t");
        return -1;
    }
    return 0;
}

// Ctrl-C wakes nanosleep (the handler is installed without SA_RESTART): the
// pending interrupt is raised here at once, as CPython's sleep does.
static KaaObject *time_sleep(KaaObject *m, KaaObject *arg)
{
    double secs;
    if (seconds_arg(arg, &secs) < 0) {
        return NULL;
    }
    if (secs < 0) {
        return KaaErr_Format(KaaExc(ValueError), "sleep length must be non-negative");
    }
    fflush(stdout);
    struct timespec req;
    req.tv_sec = (time_t)secs;
    req.tv_nsec = (long)((secs - (double)req.tv_sec) * 1e9);
    while (nanosleep(&req, &req) != 0) {
        if (errno != EINTR) {
            return KaaErr_Format(KaaExc(OSError), "[Errno %d] %s", errno, strerror(errno));
        }
        if (kaa_sigint_pending) {
            kaa_sigint_pending = 0;
            KaaErr_SetNone(KaaExc(KeyboardInterrupt));
            return NULL;
        }
    }
    Kaa_RETURN_NONE;
}

// --- struct_time -----------------------------------------------------------------------------

static KaaObject *struct_time_new(KaaTypeObject *t, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames);

static KaaMemberDef struct_time_fields[] = {
    KAA_STRUCTSEQ_FIELD("tm_year", 0),  KAA_STRUCTSEQ_FIELD("tm_mon", 1),
    KAA_STRUCTSEQ_FIELD("tm_mday", 2),  KAA_STRUCTSEQ_FIELD("tm_hour", 3),
    KAA_STRUCTSEQ_FIELD("tm_min", 4),   KAA_STRUCTSEQ_FIELD("tm_sec", 5),
    KAA_STRUCTSEQ_FIELD("tm_wday", 6),  KAA_STRUCTSEQ_FIELD("tm_yday", 7),
    KAA_STRUCTSEQ_FIELD("tm_isdst", 8), {NULL},
};

static KaaTypeObject StructTime_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "time.struct_time",
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_TUPLE_SUBCLASS,
    .tp_base = &KaaTuple_Type,
    .tp_repr = kaa_structseq_repr,
    .tp_new = struct_time_new,
    .tp_members = struct_time_fields,
};

// struct_time(sequence of 9 items)
static KaaObject *struct_time_new(KaaTypeObject *t, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames)
{
    if ((kwnames && KaaTuple_GET_SIZE(kwnames)) || nargs != 1) {
        return KaaErr_Format(KaaExc(TypeError), "struct_time() takes exactly 1 argument");
    }
    KaaObject *seq = KaaSequence_Tuple(args[0]);
    if (seq == NULL) {
        return NULL;
    }
    Kaa_ssize_t n = KaaTuple_GET_SIZE(seq);
    KaaObject *res = NULL;
    if (n < 9) {
        KaaErr_Format(KaaExc(TypeError),
                      "time.struct_time() takes an at least 9-sequence (%zd-sequence given)", n);
    } else if (n > 11) {
        KaaErr_Format(KaaExc(TypeError),
                      "time.struct_time() takes an at most 11-sequence (%zd-sequence given)", n);
    } else {
        res = kaa_structseq_new(t, ((KaaTupleObject *)seq)->ob_item, 9);
    }
    Kaa_DECREF(seq);
    return res;
}

static KaaObject *struct_time_from_tm(const struct tm *tm)
{
    int v[9] = {tm->tm_year + 1900, tm->tm_mon + 1,        tm->tm_mday,     tm->tm_hour, tm->tm_min,
                tm->tm_sec,         (tm->tm_wday + 6) % 7, tm->tm_yday + 1, tm->tm_isdst};
    KaaObject *items[9];
    int n = 0;
    for (; n < 9; n++) {
        if ((items[n] = KaaInt_FromInt64(v[n])) == NULL) {
            break;
        }
    }
    KaaObject *res = n == 9 ? kaa_structseq_new(&StructTime_Type, items, 9) : NULL;
    while (n-- > 0) {
        Kaa_DECREF(items[n]);
    }
    return res;
}

// The time_t for an optional seconds argument (None: now), rounded down.
static int time_t_arg(KaaObject *const *args, size_t nargs, time_t *out)
{
    if (nargs == 0 || args[0] == Kaa_None) {
        *out = time(NULL);
        return 0;
    }
    double secs;
    if (seconds_arg(args[0], &secs) < 0) {
        return -1;
    }
    *out = (time_t)floor(secs);
    return 0;
}

static int no_kw_at_most(const char *name, KaaObject *kwnames, size_t nargs, size_t max)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        KaaErr_Format(KaaExc(TypeError), "time.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs > max) {
        KaaErr_Format(KaaExc(TypeError), "%s expected at most %zu argument%s, got %zu", name, max,
                      max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static KaaObject *convert_time(const char *name, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames, int local)
{
    time_t t;
    struct tm tm;
    if (no_kw_at_most(name, kwnames, nargs, 1) < 0 || time_t_arg(args, nargs, &t) < 0) {
        return NULL;
    }
    if ((local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm)) == NULL) {
        return KaaErr_Format(KaaExc(OverflowError), "timestamp out of range for platform time_t");
    }
    return struct_time_from_tm(&tm);
}

static KaaObject *time_gmtime(KaaObject *m, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    return convert_time("gmtime", args, nargs, kwnames, 0);
}

static KaaObject *time_localtime(KaaObject *m, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    return convert_time("localtime", args, nargs, kwnames, 1);
}

// A time tuple (struct_time or 9-tuple of ints) as a struct tm, with the
// range checks of CPython's gettmarg/checktm. 0 or -1.
static int tm_arg(const char *name, KaaObject *o, struct tm *tm)
{
    if (!KaaTuple_Check(o)) {
        KaaErr_Format(KaaExc(TypeError), "Tuple or struct_time argument required");
        return -1;
    }
    if (KaaTuple_GET_SIZE(o) != 9) {
        KaaErr_Format(KaaExc(TypeError), "%s(): illegal time tuple argument", name);
        return -1;
    }
    int v[9];
    for (int i = 0; i < 9; i++) {
        KaaObject *item = KaaTuple_GET_ITEM(o, i);
        if (!KaaInt_Check(item)) {
            KaaErr_Format(KaaExc(TypeError), "%s(): illegal time tuple argument", name);
            return -1;
        }
        int64_t x = KaaInt_AsInt64(item);
        if ((x == -1 && KaaErr_Occurred()) || x < -2147483648LL || x > 2147483647LL) {
            KaaErr_Clear();
            KaaErr_SetString(KaaExc(OverflowError), "Python int too large to convert to C int");
            return -1;
        }
        v[i] = (int)x;
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = v[0] - 1900;
    tm->tm_mon = (v[1] == 0 ? 1 : v[1]) - 1;
    tm->tm_mday = v[2] == 0 ? 1 : v[2];
    tm->tm_hour = v[3];
    tm->tm_min = v[4];
    tm->tm_sec = v[5];
    tm->tm_wday = (v[6] + 1) % 7;
    tm->tm_yday = (v[7] == 0 ? 1 : v[7]) - 1;
    tm->tm_isdst = v[8];
    const char *bad = tm->tm_mon < 0 || tm->tm_mon > 11      ? "month out of range"
                      : tm->tm_mday < 0 || tm->tm_mday > 31  ? "day of month out of range"
                      : tm->tm_hour < 0 || tm->tm_hour > 23  ? "hour out of range"
                      : tm->tm_min < 0 || tm->tm_min > 59    ? "minute out of range"
                      : tm->tm_sec < 0 || tm->tm_sec > 61    ? "seconds out of range"
                      : v[6] < 0                             ? "day of week out of range"
                      : tm->tm_yday < 0 || tm->tm_yday > 365 ? "day of year out of range"
                                                             : NULL;
    if (bad) {
        KaaErr_SetString(KaaExc(ValueError), bad);
        return -1;
    }
    return 0;
}

// The tm of an optional time tuple argument (None or missing: local now).
static int tm_or_now(const char *name, KaaObject *const *args, size_t nargs, struct tm *tm)
{
    if (nargs == 0 || args[0] == Kaa_None) {
        time_t t = time(NULL);
        localtime_r(&t, tm);
        return 0;
    }
    return tm_arg(name, args[0], tm);
}

static KaaObject *time_mktime(KaaObject *m, KaaObject *arg)
{
    struct tm tm;
    if (tm_arg("mktime", arg, &tm) < 0) {
        return NULL;
    }
    tm.tm_wday = -1; // mktime() leaves it alone on failure
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        return KaaErr_Format(KaaExc(OverflowError), "mktime argument out of range");
    }
    return KaaFloat_FromDouble((double)t);
}

static KaaObject *time_strftime(KaaObject *m, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    if (no_kw_at_most("strftime", kwnames, nargs, 2) < 0) {
        return NULL;
    }
    if (nargs < 1) {
        return KaaErr_Format(KaaExc(TypeError), "strftime expected at least 1 argument, got 0");
    }
    if (!KaaStr_Check(args[0])) {
        return KaaErr_Format(KaaExc(TypeError), "strftime() argument 1 must be str, not %s",
                             kaa_arg_type_name(args[0]));
    }
    struct tm tm;
    if (tm_or_now("strftime", args + 1, nargs - 1, &tm) < 0) {
        return NULL;
    }
    const char *fmt = KaaStr_DATA(args[0]);
    if (fmt[0] == '\0') {
        return KaaStr_FromString("");
    }
    // strftime returns 0 both for "too small" and for an empty result: grow
    // the buffer a bounded number of times.
    for (size_t size = 256; size <= 256 * 1024; size *= 4) {
        char *buf = kaa_mem_alloc(size);
        if (buf == NULL) {
            return KaaErr_NoMemory();
        }
        size_t n = strftime(buf, size, fmt, &tm);
        if (n > 0 || size == 256 * 1024) {
            KaaObject *s = KaaStr_FromStringAndSize(buf, (Kaa_ssize_t)n);
            kaa_mem_free(buf);
            return s;
        }
        kaa_mem_free(buf);
    }
    return KaaStr_FromString("");
}

static KaaObject *format_asctime(const struct tm *tm)
{
    static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", days[(tm->tm_wday % 7 + 7) % 7],
             months[tm->tm_mon], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
             tm->tm_year + 1900);
    return KaaStr_FromString(buf);
}

static KaaObject *time_asctime(KaaObject *m, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    struct tm tm;
    if (no_kw_at_most("asctime", kwnames, nargs, 1) < 0 ||
        tm_or_now("asctime", args, nargs, &tm) < 0) {
        return NULL;
    }
    return format_asctime(&tm);
}

static KaaObject *time_ctime(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    time_t t;
    struct tm tm;
    if (no_kw_at_most("ctime", kwnames, nargs, 1) < 0 || time_t_arg(args, nargs, &t) < 0) {
        return NULL;
    }
    if (localtime_r(&t, &tm) == NULL) {
        return KaaErr_Format(KaaExc(OverflowError), "timestamp out of range for platform time_t");
    }
    return format_asctime(&tm);
}

// --- The module -----------------------------------------------------------------------------

static KaaMethodDef time_methods[] = {
    {"time", time_time, KAA_METH_NOARGS, NULL},
    {"time_ns", time_time_ns, KAA_METH_NOARGS, NULL},
    {"perf_counter", time_monotonic, KAA_METH_NOARGS, NULL},
    {"perf_counter_ns", time_monotonic_ns, KAA_METH_NOARGS, NULL},
    {"monotonic", time_monotonic, KAA_METH_NOARGS, NULL},
    {"monotonic_ns", time_monotonic_ns, KAA_METH_NOARGS, NULL},
    {"process_time", time_process_time, KAA_METH_NOARGS, NULL},
    {"process_time_ns", time_process_time_ns, KAA_METH_NOARGS, NULL},
    {"sleep", time_sleep, KAA_METH_O, NULL},
    {"gmtime", time_gmtime, KAA_METH_FASTCALL, NULL},
    {"localtime", time_localtime, KAA_METH_FASTCALL, NULL},
    {"mktime", time_mktime, KAA_METH_O, NULL},
    {"strftime", time_strftime, KAA_METH_FASTCALL, NULL},
    {"asctime", time_asctime, KAA_METH_FASTCALL, NULL},
    {"ctime", time_ctime, KAA_METH_FASTCALL, NULL},
    {NULL},
};

KaaObject *kaa_init_time(void)
{
    KaaObject *m = KaaModule_New("time");
    if (m == NULL || KaaModule_AddFunctions(m, time_methods) < 0) {
        Kaa_XDECREF(m);
        return NULL;
    }
    tzset();
    KaaObject *names = NULL, *tz0 = KaaStr_FromString(tzname[0]),
              *tz1 = KaaStr_FromString(tzname[1]);
    if (tz0 && tz1) {
        names = KaaTuple_Pack(2, tz0, tz1);
    }
    Kaa_XDECREF(tz0);
    Kaa_XDECREF(tz1);
    if (kaa_container_ready(&StructTime_Type) < 0 ||
        KaaModule_AddObjectRef(m, "struct_time", (KaaObject *)&StructTime_Type) < 0 ||
        names == NULL || KaaModule_AddObjectRef(m, "tzname", names) < 0) {
        Kaa_XDECREF(names);
        Kaa_DECREF(m);
        return NULL;
    }
    Kaa_DECREF(names);
    KaaObject *tz = KaaInt_FromInt64(timezone);
    KaaObject *alt = KaaInt_FromInt64(daylight ? timezone - 3600 : timezone);
    KaaObject *dl = KaaInt_FromInt64(daylight);
    int bad = tz == NULL || alt == NULL || dl == NULL ||
              KaaModule_AddObjectRef(m, "timezone", tz) < 0 ||
              KaaModule_AddObjectRef(m, "altzone", alt) < 0 ||
              KaaModule_AddObjectRef(m, "daylight", dl) < 0;
    Kaa_XDECREF(tz);
    Kaa_XDECREF(alt);
    Kaa_XDECREF(dl);
    if (bad) {
        Kaa_DECREF(m);
        return NULL;
    }
    return m;
}
