/* Struct sequences: named-field tuples (see structseq.h). The instances are
 * ordinary tuples in memory, so tuple's slots (hash, compare, indexing,
 * dealloc) serve them unchanged; only the repr and the named fields differ.
 */
#include "objects/structseq.h"
#include "gc/gc.h"
#include "util/strbuf.h"
#include "vm/vm.h"

KaaObject *kaa_structseq_new(KaaTypeObject *t, KaaObject *const *items, Kaa_ssize_t n)
{
    if (kaa_container_ready(t) < 0) {
        return NULL;
    }
    KaaObject *o = KaaType_GenericAlloc(t, n);
    if (o == NULL) {
        return NULL;
    }
    for (Kaa_ssize_t i = 0; i < n; i++) {
        KaaTuple_SET_ITEM(o, i, Kaa_NewRef(items[i]));
    }
    KAA_GC_TRACK(o);
    return o;
}

KaaObject *kaa_structseq_repr(KaaObject *self)
{
    KaaTypeObject *t = Kaa_TYPE(self);
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    kaa_strbuf_adds(&b, t->tp_name);
    kaa_strbuf_addc(&b, '(');
    Kaa_ssize_t i = 0;
    for (KaaMemberDef *g = t->tp_members; g && g->name && i < KaaTuple_GET_SIZE(self); g++, i++) {
        if (i > 0) {
            kaa_strbuf_add(&b, ", ", 2);
        }
        kaa_strbuf_adds(&b, g->name);
        kaa_strbuf_addc(&b, '=');
        if (kaa_repr_append(&b, KaaTuple_GET_ITEM(self, i)) < 0) {
            kaa_strbuf_free(&b);
            return NULL;
        }
    }
    kaa_strbuf_addc(&b, ')');
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaObject *s = KaaStr_FromStringAndSize(b.data, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return s;
}

KaaObject *kaa_structseq_no_new(KaaTypeObject *t, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    return KaaErr_Format(KaaExc(TypeError), "cannot create '%s' instances", t->tp_name);
}
