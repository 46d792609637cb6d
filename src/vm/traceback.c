/* Tracebacks: the objects recording where an exception passed, and printing
 * them exactly as CPython 3.11 does (including the ^ and ~ markers under
 * the failing expression, found by re-parsing the expression's source text
 * with kaa's own parser, as CPython re-parses it with its own).
 */
#include <limits.h>
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "parse/parse.h"
#include "util/strbuf.h"
#include "vm/vm.h"

// --- Traceback objects ---------------------------------------------------------

static int tb_traverse(KaaObject *o, visitproc visit, void *arg)
{
    KaaTracebackObject *tb = (KaaTracebackObject *)o;
    Kaa_VISIT(tb->tb_next);
    Kaa_VISIT(tb->tb_code);
    return 0;
}

static int tb_clear(KaaObject *o)
{
    KaaTracebackObject *tb = (KaaTracebackObject *)o;
    Kaa_CLEAR(tb->tb_next);
    Kaa_CLEAR(tb->tb_code);
    return 0;
}

static void tb_dealloc(KaaObject *o)
{
    kaa_gc_untrack(o);
    tb_clear(o);
    kaa_object_free(o);
}

static KaaMemberDef tb_members[] = {
    {"tb_next", KAA_T_OBJECT, offsetof(KaaTracebackObject, tb_next)},
    {"tb_lasti", KAA_T_INT, offsetof(KaaTracebackObject, tb_lasti)},
    {"tb_lineno", KAA_T_INT, offsetof(KaaTracebackObject, tb_lineno)},
    {NULL},
};

KaaTypeObject KaaTraceBack_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "traceback",
    .tp_basicsize = sizeof(KaaTracebackObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = tb_dealloc,
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_members = tb_members,
};

// Prepend an entry: as the exception travels outwards the outermost frame
// ends up first, which is the printing order.
void kaa_traceback_add(KaaCodeObject *code, int lasti)
{
    KaaObject *exc = kaa_ts.curexc;
    if (exc == NULL || !KaaExceptionInstance_Check(exc)) {
        return;
    }
    KaaTracebackObject *tb = (KaaTracebackObject *)kaa_object_new(&KaaTraceBack_Type);
    if (tb == NULL) {
        // Out of memory while unwinding: keep the original exception.
        KaaErr_SetRaisedException(exc);
        return;
    }
    if (lasti < 0) {
        lasti = 0;
    }
    KaaBaseExceptionObject *be = (KaaBaseExceptionObject *)exc;
    tb->tb_next = be->traceback;
    be->traceback = (KaaObject *)tb;
    tb->tb_code = Kaa_NewRef(code);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lasti < code->co_ninstrs ? code->co_positions[lasti].lineno : -1;
    KAA_GC_TRACK(tb);
}

// --- Source lines ---------------------------------------------------------------

// Sources of pseudo-files (<stdin>, <string>) kept for tracebacks.
typedef struct SourceEntry {
    char *filename;
    char *text;
    size_t len;
    struct SourceEntry *next;
} SourceEntry;
static SourceEntry *sources;

void kaa_source_register(const char *filename, const char *src, size_t len)
{
    SourceEntry *e = kaa_mem_alloc(sizeof *e);
    char *fn = kaa_mem_strdup(filename);
    char *text = kaa_mem_alloc(len + 1);
    if (e == NULL || fn == NULL || text == NULL) {
        kaa_mem_free(e);
        kaa_mem_free(fn);
        kaa_mem_free(text);
        return;
    }
    memcpy(text, src, len);
    text[len] = '\0';
    e->filename = fn;
    e->text = text;
    e->len = len;
    e->next = sources;
    sources = e;
}

void kaa_source_fini(void)
{
    while (sources) {
        SourceEntry *next = sources->next;
        kaa_mem_free(sources->filename);
        kaa_mem_free(sources->text);
        kaa_mem_free(sources);
        sources = next;
    }
}

// Copy line `lineno` of text into a new str (without its newline).
static KaaObject *line_of(const char *text, size_t len, int lineno)
{
    const char *p = text, *end = text + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL) {
            return NULL;
        }
        p = nl + 1;
    }
    if (p >= end) {
        return NULL;
    }
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (e == NULL) {
        e = end;
    }
    if (e > p && e[-1] == '\r') {
        e--;
    }
    KaaObject *s = KaaStr_FromStringAndSize(p, e - p);
    if (s == NULL) {
        KaaErr_Clear();
    }
    return s;
}

KaaObject *kaa_source_line(KaaObject *filename, int lineno)
{
    if (filename == NULL || !KaaStr_Check(filename) || lineno < 1) {
        return NULL;
    }
    for (SourceEntry *e = sources; e; e = e->next) {
        if (strcmp(e->filename, KaaStr_DATA(filename)) == 0) {
            return line_of(e->text, e->len, lineno);
        }
    }
    FILE *fp = fopen(KaaStr_DATA(filename), "rb");
    if (fp == NULL) {
        return NULL;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    char buf[4096];
    int l = 1;
    KaaObject *res = NULL;
    while (fgets(buf, sizeof buf, fp)) {
        if (l == lineno) {
            kaa_strbuf_adds(&b, buf);
        }
        if (strchr(buf, '\n')) {
            if (l == lineno) {
                break;
            }
            l++;
        }
    }
    fclose(fp);
    if (b.len && !b.failed) {
        res = line_of(b.data, b.len, 1);
    }
    kaa_strbuf_free(&b);
    return res;
}

// --- Printing --------------------------------------------------------------------

// Characters (code points) in the first `bytes` bytes of s.
static int char_offset(const char *s, int bytes)
{
    int n = 0;
    for (int i = 0; i < bytes && s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

// Where the markers go inside the segment [col, end_col) of the line: '~'
// for operands and '^' for the operator of a binary operation, or for the
// index part of a subscript. Return 1 and set left/right (character offsets
// within the segment) when such anchors exist.
static int find_anchors(const char *segment, size_t seglen, int *left, int *right)
{
    AstArena *arena = kaa_arena_new();
    if (arena == NULL) {
        return 0;
    }
    KaaSyntaxError err;
    int found = 0;
    AstMod *m = kaa_parse(arena, segment, seglen, KAA_PARSE_EVAL, &err);
    if (m && m->expr && m->expr->pos.lineno == 1 && m->expr->pos.end_lineno == 1) {
        AstExpr *e = m->expr;
        if (e->kind == EXPR_BINOP && e->v.binop.left->pos.end_lineno == 1 &&
            e->v.binop.right->pos.lineno == 1) {
            int op_start = e->v.binop.left->pos.end_col;
            int op_end = e->v.binop.right->pos.col;
            int k = op_start;
            while (k < op_end && (segment[k] == ' ' || segment[k] == '\t' || segment[k] == ')')) {
                k++;
            }
            int r = k + 1;
            if (k + 1 < op_end && segment[k + 1] != ' ' && segment[k + 1] != '\t') {
                r++;
            }
            *left = char_offset(segment, k);
            *right = char_offset(segment, r);
            found = 1;
        } else if (e->kind == EXPR_SUBSCRIPT && e->v.subscript.value->pos.end_lineno == 1 &&
                   e->v.subscript.slice->pos.end_lineno == 1) {
            *left = char_offset(segment, e->v.subscript.value->pos.end_col);
            *right = char_offset(segment, e->v.subscript.slice->pos.end_col + 1);
            found = 1;
        }
    }
    kaa_arena_free(arena);
    return found;
}

static void print_source_line(KaaStrBuf *out, KaaObject *line, KaaCodePos *pos, int show_markers)
{
    const char *text = KaaStr_DATA(line);
    int lead = 0;
    while (text[lead] == ' ' || text[lead] == '\t' || text[lead] == '\f') {
        lead++;
    }
    const char *stripped = text + lead;
    int slen = (int)strlen(stripped);
    while (slen > 0 && (stripped[slen - 1] == ' ' || stripped[slen - 1] == '\t')) {
        slen--;
    }
    kaa_strbuf_printf(out, "    %.*s\n", slen, stripped);
    if (!show_markers || pos == NULL || pos->col < 0 || pos->end_col < 0) {
        return;
    }
    int nbytes = (int)strlen(text);
    int col = pos->col > nbytes ? nbytes : pos->col;
    int end_col = pos->end_col;
    int anchors = 0, left = 0, right = 0;
    if (pos->end_lineno == pos->lineno) {
        if (end_col > nbytes) {
            end_col = nbytes;
        }
        anchors = end_col > col && find_anchors(text + col, (size_t)(end_col - col), &left, &right);
    } else {
        end_col = lead + slen; // the expression continues: mark to the end of the line
    }
    int start = char_offset(text, col), end = char_offset(text, end_col);
    int line_chars = char_offset(stripped, slen);
    int lead_chars = char_offset(text, lead);
    // Markers only when they point at part of the line.
    if (!(end - start < line_chars || (anchors && right - left > 0))) {
        return;
    }
    kaa_strbuf_printf(out, "    %*s", start - lead_chars, "");
    if (anchors) {
        for (int i = 0; i < left; i++) {
            kaa_strbuf_addc(out, '~');
        }
        for (int i = left; i < right; i++) {
            kaa_strbuf_addc(out, '^');
        }
        for (int i = right; i < end - start; i++) {
            kaa_strbuf_addc(out, '~');
        }
    } else {
        for (int i = start; i < end; i++) {
            kaa_strbuf_addc(out, '^');
        }
    }
    kaa_strbuf_addc(out, '\n');
}

// The number of entries in a traceback chain.
static long traceback_length(KaaObject *tbo)
{
    long n = 0;
    for (KaaTracebackObject *tb = (KaaTracebackObject *)tbo; tb;
         tb = (KaaTracebackObject *)tb->tb_next) {
        n++;
    }
    return n;
}

// The first entry to show for traceback.py's limit: all (no limit), the
// first `limit` ones (limit >= 0) or the last -limit ones.
static KaaTracebackObject *limit_start(KaaObject *tbo, long limit, long *count)
{
    long n = traceback_length(tbo);
    KaaTracebackObject *tb = (KaaTracebackObject *)tbo;
    *count = n;
    if (limit == LONG_MAX) {
        return tb;
    }
    if (limit >= 0) {
        *count = limit < n ? limit : n;
        return tb;
    }
    long skip = n + limit > 0 ? n + limit : 0;
    for (long i = 0; i < skip; i++) {
        tb = (KaaTracebackObject *)tb->tb_next;
    }
    *count = n - skip;
    return tb;
}

static void format_traceback(KaaStrBuf *out, KaaObject *tbo, long limit)
{
    long count;
    KaaTracebackObject *first = tbo ? limit_start(tbo, limit, &count) : NULL;
    if (first == NULL || count == 0) {
        return;
    }
    kaa_strbuf_printf(out, "Traceback (most recent call last):\n");
    // CPython collapses runs of more than 3 identical lines.
    KaaCodeObject *last_code = NULL;
    int last_line = -1, repeats = 0;
    for (KaaTracebackObject *tb = first; tb && count-- > 0;
         tb = (KaaTracebackObject *)tb->tb_next) {
        KaaCodeObject *co = (KaaCodeObject *)tb->tb_code;
        if (co == last_code && tb->tb_lineno == last_line) {
            repeats++;
            if (repeats >= 3) {
                continue;
            }
        } else {
            if (repeats >= 3) {
                kaa_strbuf_printf(out, "  [Previous line repeated %d more time%s]\n", repeats - 2,
                        repeats - 2 == 1 ? "" : "s");
            }
            repeats = 0;
            last_code = co;
            last_line = tb->tb_lineno;
        }
        kaa_strbuf_printf(out, "  File \"%s\", line %d, in %s\n", KaaStr_DATA(co->co_filename), tb->tb_lineno,
                KaaStr_DATA(co->co_name));
        KaaObject *line = kaa_source_line(co->co_filename, tb->tb_lineno);
        if (line) {
            KaaCodePos *pos = tb->tb_lasti < co->co_ninstrs ? &co->co_positions[tb->tb_lasti]
                                                            : NULL;
            print_source_line(out, line, pos, 1);
            Kaa_DECREF(line);
        }
    }
    if (repeats >= 3) {
        kaa_strbuf_printf(out, "  [Previous line repeated %d more time%s]\n", repeats - 2,
                repeats - 2 == 1 ? "" : "s");
    }
}

// "  File ..., line N" and the caret lines of a SyntaxError.
static void print_syntax_error_location(KaaStrBuf *out, KaaSyntaxErrorObject *e)
{
    if (e->filename == NULL || !KaaStr_Check(e->filename)) {
        return;
    }
    long lineno = e->lineno && KaaInt_Check(e->lineno) ? (long)KaaInt_AsInt64(e->lineno) : 0;
    kaa_strbuf_printf(out, "  File \"%s\", line %ld\n", KaaStr_DATA(e->filename), lineno);
    if (e->text == NULL || !KaaStr_Check(e->text)) {
        return;
    }
    const char *text = KaaStr_DATA(e->text);
    int lead = 0;
    while (text[lead] == ' ' || text[lead] == '\t' || text[lead] == '\f') {
        lead++;
    }
    int len = (int)strlen(text);
    while (len > lead && (text[len - 1] == '\n' || text[len - 1] == '\r' || text[len - 1] == ' ')) {
        len--;
    }
    kaa_strbuf_printf(out, "    %.*s\n", len - lead, text + lead);
    long offset = e->offset && KaaInt_Check(e->offset) ? (long)KaaInt_AsInt64(e->offset) : 0;
    long end_offset = e->end_offset && KaaInt_Check(e->end_offset)
                          ? (long)KaaInt_AsInt64(e->end_offset)
                          : 0;
    long end_lineno = e->end_lineno && KaaInt_Check(e->end_lineno)
                          ? (long)KaaInt_AsInt64(e->end_lineno)
                          : lineno;
    if (offset < 1) {
        return;
    }
    int lead_chars = char_offset(text, lead);
    int line_chars = char_offset(text, len);
    if (offset - 1 < lead_chars) {
        return; // points into the stripped indentation: CPython prints no caret
    }
    if (offset > line_chars + 1) {
        offset = line_chars + 1;
    }
    if (end_lineno != lineno || end_offset <= offset) {
        end_offset = offset + 1;
    }
    if (end_offset > line_chars + 1) {
        end_offset = line_chars + 1;
        if (end_offset <= offset) {
            end_offset = offset + 1;
        }
    }
    kaa_strbuf_printf(out, "    %*s", (int)(offset - 1 - lead_chars), "");
    for (long i = offset; i < end_offset; i++) {
        kaa_strbuf_addc(out, '^');
    }
    kaa_strbuf_addc(out, '\n');
}

// The last line: "TypeName: message" (module-qualified unless builtins/__main__).
static void print_exception_line(KaaStrBuf *out, KaaObject *exc)
{
    KaaTypeObject *t = Kaa_TYPE(exc);
    KaaObject *mod = t->tp_module_obj;
    if (mod && KaaStr_Check(mod) && !KaaStr_EqualToASCII(mod, "builtins") &&
        !KaaStr_EqualToASCII(mod, "__main__")) {
        kaa_strbuf_printf(out, "%s.%s", KaaStr_DATA(mod), KaaStr_DATA(t->tp_qualname_obj));
    } else {
        kaa_strbuf_printf(out, "%s", t->tp_name_obj ? KaaStr_DATA(t->tp_name_obj) : t->tp_name);
    }
    KaaObject *msg;
    if (KaaType_IsSubtype(t, &KaaExc_SyntaxError_Type)) {
        KaaSyntaxErrorObject *se = (KaaSyntaxErrorObject *)exc;
        msg = se->msg ? KaaObject_Str(se->msg) : KaaObject_Str(exc);
    } else {
        msg = KaaObject_Str(exc);
    }
    if (msg == NULL) {
        KaaErr_Clear();
        kaa_strbuf_printf(out, ": <exception str() failed>\n");
        return;
    }
    if (KaaStr_NBYTES(msg)) {
        kaa_strbuf_printf(out, ": %s", KaaStr_DATA(msg));
    }
    kaa_strbuf_addc(out, '\n');
    Kaa_DECREF(msg);
}

// One exception, after its cause or context (CPython's chaining).
static void print_chained(KaaStrBuf *out, KaaObject *exc, int depth, int chain, long limit)
{
    KaaBaseExceptionObject *be = (KaaBaseExceptionObject *)exc;
    if (chain && depth < 32) {
        if (be->cause) {
            print_chained(out, be->cause, depth + 1, chain, limit);
            kaa_strbuf_printf(out,
                    "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (be->context && !be->suppress_context) {
            print_chained(out, be->context, depth + 1, chain, limit);
            kaa_strbuf_printf(out, "\nDuring handling of the above exception, another exception "
                         "occurred:\n\n");
        }
    }
    format_traceback(out, be->traceback, limit);
    if (KaaType_IsSubtype(Kaa_TYPE(exc), &KaaExc_SyntaxError_Type)) {
        print_syntax_error_location(out, (KaaSyntaxErrorObject *)exc);
    }
    print_exception_line(out, exc);
}

// The traceback and the exception line only, without the chain (what
// "Exception ignored in" reports show).
// Write the text to the C stderr (after stdout, so the two keep their order).
static void emit_stderr(KaaStrBuf *b)
{
    fflush(stdout);
    if (!b->failed) {
        fwrite(b->data, 1, b->len, stderr);
    }
    fflush(stderr);
    kaa_strbuf_free(b);
}

void kaa_traceback_print(KaaObject *tbo)
{
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    format_traceback(&b, tbo, LONG_MAX);
    emit_stderr(&b);
}

void kaa_exception_print_unchained(KaaObject *exc)
{
    KaaObject *saved = KaaErr_GetRaisedException();
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    if (KaaExceptionInstance_Check(exc)) {
        format_traceback(&b, ((KaaBaseExceptionObject *)exc)->traceback, LONG_MAX);
        print_exception_line(&b, exc);
    }
    emit_stderr(&b);
    KaaErr_SetRaisedException(saved);
}

void kaa_exception_print(KaaObject *exc)
{
    if (!KaaExceptionInstance_Check(exc)) {
        fflush(stdout);
        fprintf(stderr, "TypeError: print_exception(): Exception expected for value, %s found\n",
                Kaa_TYPE(exc)->tp_name);
        return;
    }
    // Printing may run Python code (str() of the exception): keep it aside.
    KaaObject *saved = KaaErr_GetRaisedException();
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    print_chained(&b, exc, 0, 1, LONG_MAX);
    emit_stderr(&b);
    KaaErr_SetRaisedException(saved);
}

// The text kaa_exception_print writes, as a str: traceback.format_exception
// (limit: as kaa_traceback_entries; chain: follow __cause__/__context__).
KaaObject *kaa_format_exception(KaaObject *exc, int chain, long limit)
{
    if (!KaaExceptionInstance_Check(exc)) {
        return KaaErr_Format(KaaExc(TypeError), "Exception expected for value, %s found",
                             Kaa_TYPE(exc)->tp_name);
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    print_chained(&b, exc, 0, chain, limit);
    KaaObject *s = b.failed ? KaaErr_NoMemory()
                            : KaaStr_FromStringAndSize(b.data, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return s;
}

// traceback.extract_tb: (filename, lineno, name, line or None) per entry.
KaaObject *kaa_traceback_entries(KaaObject *tbo, long limit)
{
    KaaObject *list = KaaList_New(0);
    long count;
    KaaTracebackObject *tb = tbo && list ? limit_start(tbo, limit, &count) : NULL;
    for (; list && tb && count-- > 0; tb = (KaaTracebackObject *)tb->tb_next) {
        KaaCodeObject *co = (KaaCodeObject *)tb->tb_code;
        KaaObject *line = kaa_source_line(co->co_filename, tb->tb_lineno);
        if (line) {
            // As linecache gives it to FrameSummary: without the indentation.
            const char *t = KaaStr_DATA(line);
            Kaa_ssize_t a = 0, z = KaaStr_NBYTES(line);
            while (a < z && (t[a] == ' ' || t[a] == '\t' || t[a] == '\f')) {
                a++;
            }
            while (z > a && (t[z - 1] == ' ' || t[z - 1] == '\t' || t[z - 1] == '\n')) {
                z--;
            }
            Kaa_SETREF(line, KaaStr_FromStringAndSize(t + a, z - a));
        }
        KaaObject *lineno = KaaInt_FromInt64(tb->tb_lineno);
        KaaObject *entry = lineno ? KaaTuple_Pack(4, co->co_filename, lineno, co->co_name,
                                                  line ? line : Kaa_None)
                                  : NULL;
        Kaa_XDECREF(lineno);
        Kaa_XDECREF(line);
        if (entry == NULL || KaaList_Append(list, entry) < 0) {
            Kaa_CLEAR(list);
        }
        Kaa_XDECREF(entry);
    }
    return list;
}

// --- SyntaxError construction --------------------------------------------------------

static KaaObject *int_or_none(int v, int valid)
{
    return valid ? KaaInt_FromInt64(v) : kaa_none_ref();
}

// Raise `kind` (SyntaxError, IndentationError, TabError) with CPython's
// fields; offsets are 1-based character offsets (0: unknown).
void kaa_raise_syntax_error(const char *kind, const char *msg, KaaObject *filename, int lineno,
                            int offset, int end_lineno, int end_offset)
{
    KaaObject *type = KaaExc(SyntaxError);
    if (strcmp(kind, "IndentationError") == 0) {
        type = KaaExc(IndentationError);
    } else if (strcmp(kind, "TabError") == 0) {
        type = KaaExc(TabError);
    }
    KaaObject *text = kaa_source_line(filename, lineno);
    if (text) {
        // CPython keeps the newline in SyntaxError.text.
        KaaObject *nl = KaaStr_FromString("\n");
        KaaObject *t2 = nl ? KaaStr_Concat(text, nl) : NULL;
        Kaa_XDECREF(nl);
        Kaa_DECREF(text);
        text = t2;
    }
    // (filename, lineno, offset, text, end_lineno, end_offset); the tuple
    // takes the new references.
    KaaObject *info = KaaTuple_New(6);
    if (info) {
        KaaTuple_SET_ITEM(info, 0, Kaa_NewRef(filename));
        KaaTuple_SET_ITEM(info, 1, int_or_none(lineno, 1));
        KaaTuple_SET_ITEM(info, 2, int_or_none(offset, offset > 0));
        KaaTuple_SET_ITEM(info, 3, text ? text : kaa_none_ref());
        KaaTuple_SET_ITEM(info, 4, int_or_none(end_lineno, end_lineno > 0));
        KaaTuple_SET_ITEM(info, 5, int_or_none(end_offset, end_offset > 0));
        text = NULL;
        for (int i = 0; i < 6; i++) {
            if (KaaTuple_GET_ITEM(info, i) == NULL) {
                Kaa_CLEAR(info);
                break;
            }
        }
    }
    Kaa_XDECREF(text);
    KaaObject *m = KaaStr_FromString(msg);
    if (info == NULL || m == NULL) {
        Kaa_XDECREF(info);
        Kaa_XDECREF(m);
        return;
    }
    KaaObject *args = KaaTuple_Pack(2, m, info);
    Kaa_DECREF(m);
    Kaa_DECREF(info);
    if (args == NULL) {
        return;
    }
    KaaErr_SetObject(type, args);
    Kaa_DECREF(args);
}

// The same with 0-based UTF-8 byte columns, as in AST positions.
void kaa_raise_syntax_error_bytes(const char *kind, const char *msg, KaaObject *filename,
                                  int lineno, int col, int end_lineno, int end_col)
{
    int offset = col + 1, end_offset = end_col >= 0 ? end_col + 1 : 0;
    KaaObject *line = kaa_source_line(filename, lineno);
    if (line) {
        offset = char_offset(KaaStr_DATA(line), col) + 1;
        if (end_col >= 0 && end_lineno == lineno) {
            end_offset = char_offset(KaaStr_DATA(line), end_col) + 1;
        }
        Kaa_DECREF(line);
    }
    kaa_raise_syntax_error(kind, msg, filename, lineno, offset, end_lineno, end_offset);
}
