/* Tab completion (see complete.h). The candidate lists are built with
 * kaa_mem_foreign_* (plain C-allocator memory) because readline owns and
 * frees the strings it is given.
 */
#include <stdlib.h>
#include <string.h>

#include "app/complete.h"
#include "kaa.h"
#include "mem/mem.h"
#include "vm/vm.h"

// Python 3.11's keyword.kwlist + keyword.softkwlist.
static const char *const keywords[] = {
    "False",   "None",     "True",     "and",    "as",   "assert", "async",  "await",
    "break",   "class",    "continue", "def",    "del",  "elif",   "else",   "except",
    "finally", "for",      "from",     "global", "if",   "import", "in",     "is",
    "lambda",  "nonlocal", "not",      "or",     "pass", "raise",  "return", "try",
    "while",   "with",     "yield",    "_",      "case", "match",  NULL,
};

typedef struct Matches {
    char **v;
    size_t n, cap;
    int failed;
} Matches;

// Add prefix + word + suffix.
static void add(Matches *m, const char *prefix, size_t plen, const char *word, const char *suffix)
{
    if (m->failed) {
        return;
    }
    if (m->n + 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 32;
        char **v = kaa_mem_foreign_realloc(m->v, cap * sizeof *v);
        if (v == NULL) {
            m->failed = 1;
            return;
        }
        m->v = v;
        m->cap = cap;
    }
    size_t wlen = strlen(word), slen = strlen(suffix);
    char *s = kaa_mem_foreign_alloc(plen + wlen + slen + 1);
    if (s == NULL) {
        m->failed = 1;
        return;
    }
    memcpy(s, prefix, plen);
    memcpy(s + plen, word, wlen);
    memcpy(s + plen + wlen, suffix, slen + 1);
    m->v[m->n++] = s;
    m->v[m->n] = NULL;
}

static int starts_with(const char *s, const char *prefix, size_t n)
{
    return strncmp(s, prefix, n) == 0;
}

// True when calling o with no arguments is its whole signature
// (rlcompleter appends "()" then).
static int takes_no_arguments(KaaObject *o)
{
    int self = 0;
    if (Kaa_TYPE(o) == &KaaMethod_Type) {
        o = ((KaaMethodObject *)o)->im_func;
        self = 1;
    }
    if (KaaFunction_Check(o)) {
        KaaCodeObject *co = (KaaCodeObject *)((KaaFunctionObject *)o)->func_code;
        return co->co_argcount == self && co->co_kwonlyargcount == 0 &&
               !(co->co_flags & (KAA_CO_VARARGS | KAA_CO_VARKEYWORDS));
    }
    if (KaaCFunction_Check(o)) {
        return (((KaaCFunctionObject *)o)->m_ml->ml_flags & KAA_METH_NOARGS) != 0;
    }
    return 0;
}

static const char *callable_suffix(KaaObject *value)
{
    if (value == NULL || Kaa_TYPE(value)->tp_call == NULL) {
        return "";
    }
    return takes_no_arguments(value) ? "()" : "(";
}

static const char *keyword_suffix(const char *kw)
{
    static const char *const bare[] = {"False", "None", "True", "break", "continue",
                                       "pass",  "else", "_",    NULL};
    if (strcmp(kw, "try") == 0 || strcmp(kw, "finally") == 0) {
        return ":";
    }
    for (int i = 0; bare[i]; i++) {
        if (strcmp(kw, bare[i]) == 0) {
            return "";
        }
    }
    return " ";
}

static int is_keyword(const char *w)
{
    for (int i = 0; keywords[i]; i++) {
        if (strcmp(w, keywords[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

static void global_matches(Matches *m, const char *text)
{
    size_t n = strlen(text);
    for (int i = 0; keywords[i]; i++) {
        if (starts_with(keywords[i], text, n)) {
            add(m, "", 0, keywords[i], keyword_suffix(keywords[i]));
        }
    }
    KaaObject *spaces[2] = {Kaa_MainDict(), kaa_interp.builtins};
    for (int s = 0; s < 2; s++) {
        Kaa_ssize_t pos = 0;
        KaaObject *k, *v;
        while (spaces[s] && KaaDict_Next(spaces[s], &pos, &k, &v)) {
            // The first of keyword, global, builtin wins, as in rlcompleter.
            if (KaaStr_Check(k) && starts_with(KaaStr_DATA(k), text, n) &&
                strcmp(KaaStr_DATA(k), "__builtins__") != 0 && !is_keyword(KaaStr_DATA(k)) &&
                (s == 0 || KaaDict_GetItemString(spaces[0], KaaStr_DATA(k)) == NULL)) {
                add(m, "", 0, KaaStr_DATA(k), callable_suffix(v));
            }
        }
    }
}

// Evaluate "name.attr.attr" (no calls, no subscripts). New reference or NULL.
static KaaObject *evaluate_chain(const char *expr, size_t len)
{
    const char *dot = memchr(expr, '.', len);
    size_t first = dot ? (size_t)(dot - expr) : len;
    KaaObject *name = KaaStr_FromStringAndSize(expr, (Kaa_ssize_t)first);
    if (name == NULL) {
        return NULL;
    }
    KaaObject *o = KaaDict_GetItemWithError(Kaa_MainDict(), name);
    if (o == NULL && !KaaErr_Occurred()) {
        o = KaaDict_GetItemWithError(kaa_interp.builtins, name);
    }
    Kaa_DECREF(name);
    if (o == NULL) {
        return NULL;
    }
    Kaa_INCREF(o);
    while (dot) {
        const char *start = dot + 1;
        dot = memchr(start, '.', len - (size_t)(start - expr));
        size_t n = dot ? (size_t)(dot - start) : len - (size_t)(start - expr);
        KaaObject *attr = KaaStr_FromStringAndSize(start, (Kaa_ssize_t)n);
        KaaObject *next = attr ? KaaObject_GetAttr(o, attr) : NULL;
        Kaa_XDECREF(attr);
        Kaa_DECREF(o);
        if (next == NULL) {
            return NULL;
        }
        o = next;
    }
    return o;
}

// Add the str keys of dict d to the set `words` (a dict used as a set).
static void add_keys(KaaObject *words, KaaObject *d)
{
    if (d == NULL || !KaaDict_Check(d)) {
        return;
    }
    Kaa_ssize_t pos = 0;
    KaaObject *k, *v;
    while (KaaDict_Next(d, &pos, &k, &v)) {
        if (KaaStr_Check(k) && KaaDict_SetItem(words, k, Kaa_None) < 0) {
            KaaErr_Clear();
        }
    }
}

// Names of every class in t's MRO.
static void add_type_members(KaaObject *words, KaaTypeObject *t)
{
    if (t->tp_mro && KaaTuple_Check(t->tp_mro)) {
        for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(t->tp_mro); i++) {
            add_keys(words, ((KaaTypeObject *)KaaTuple_GET_ITEM(t->tp_mro, i))->tp_dict);
        }
    } else {
        for (; t; t = t->tp_base) {
            add_keys(words, t->tp_dict);
        }
    }
}

// dir(o) plus its class's members, as rlcompleter gathers them (a dict used
// as a set). New reference or NULL.
static KaaObject *attribute_names(KaaObject *o)
{
    KaaObject *words = KaaDict_New();
    if (words == NULL) {
        return NULL;
    }
    if (KaaModule_Check(o)) {
        add_keys(words, KaaModule_GetDict(o));
    } else {
        KaaObject *d = NULL;
        if (KaaObject_LookupAttr(o, kaa_id.__dict__, &d) < 0) {
            KaaErr_Clear();
        }
        add_keys(words, d);
        Kaa_XDECREF(d);
        if (KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_TYPE_SUBCLASS)) {
            add_type_members(words, (KaaTypeObject *)o);
        }
    }
    add_type_members(words, Kaa_TYPE(o));
    if (KaaDict_SetItem(words, kaa_id.__class__, Kaa_None) < 0) {
        KaaErr_Clear();
    }
    return words;
}

// The value rlcompleter looks at for the callable postfix: getattr(o, word),
// except that a data descriptor written in Python (a property) is not run.
static KaaObject *attribute_value(KaaObject *o, KaaObject *word)
{
    KaaObject *descr = kaa_type_lookup(Kaa_TYPE(o), word);
    if (descr && Kaa_TYPE(descr)->tp_descr_set && Kaa_TYPE(descr) != &KaaGetSetDescr_Type &&
        Kaa_TYPE(descr) != &KaaMemberDescr_Type) {
        return NULL;
    }
    KaaObject *v = NULL;
    if (KaaObject_LookupAttr(o, word, &v) < 0) {
        KaaErr_Clear();
        return NULL;
    }
    return v;
}

static void attr_matches(Matches *m, const char *text)
{
    const char *dot = strrchr(text, '.');
    size_t exprlen = (size_t)(dot - text);
    const char *attr = dot + 1;
    size_t n = strlen(attr);
    // rlcompleter accepts only NAME(.NAME)* before the last dot.
    for (size_t i = 0; i < exprlen; i++) {
        char c = text[i];
        int word = c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                   (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
        if (!word && !(c == '.' && i > 0 && text[i - 1] != '.' && i + 1 < exprlen)) {
            return;
        }
    }
    if (exprlen == 0) {
        return;
    }
    KaaObject *o = evaluate_chain(text, exprlen);
    KaaObject *words = o ? attribute_names(o) : NULL;
    if (words == NULL) {
        Kaa_XDECREF(o);
        KaaErr_Clear();
        return;
    }
    // Names starting with "_" only when asked for (or when nothing else matches).
    const char *noprefix = n == 0 ? "_" : (n == 1 && attr[0] == '_') ? "__" : NULL;
    for (;;) {
        Kaa_ssize_t pos = 0;
        KaaObject *k, *unused;
        while (KaaDict_Next(words, &pos, &k, &unused)) {
            const char *w = KaaStr_DATA(k);
            if (!starts_with(w, attr, n) || strcmp(w, "__builtins__") == 0 ||
                (noprefix && starts_with(w, noprefix, n + 1))) {
                continue;
            }
            KaaObject *v = attribute_value(o, k);
            add(m, text, exprlen + 1, w, callable_suffix(v));
            Kaa_XDECREF(v);
        }
        if (m->n || noprefix == NULL) {
            break;
        }
        noprefix = noprefix[1] == '\0' ? "__" : NULL;
    }
    Kaa_DECREF(words);
    Kaa_DECREF(o);
}

static int compare(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **kaa_complete(const char *text)
{
    Matches m = {NULL, 0, 0, 0};
    // Completion must not disturb an exception being handled.
    KaaObject *saved = KaaErr_GetRaisedException();
    if (strchr(text, '.')) {
        attr_matches(&m, text);
    } else {
        global_matches(&m, text);
    }
    KaaErr_Clear();
    KaaErr_SetRaisedException(saved);
    if (m.failed || m.n == 0) {
        kaa_complete_free(m.v);
        return NULL;
    }
    qsort(m.v, m.n, sizeof *m.v, compare);
    size_t j = 0;
    for (size_t i = 0; i < m.n; i++) {
        if (j > 0 && strcmp(m.v[j - 1], m.v[i]) == 0) {
            kaa_mem_foreign_free(m.v[i]);
        } else {
            m.v[j++] = m.v[i];
        }
    }
    m.v[j] = NULL;
    return m.v;
}

void kaa_complete_free(char **matches)
{
    if (matches) {
        for (size_t i = 0; matches[i]; i++) {
            kaa_mem_foreign_free(matches[i]);
        }
        kaa_mem_foreign_free(matches);
    }
}
