/* The abstract object protocols: numbers (binary operator dispatch with
 * NotImplemented, CPython's rules), items, length, membership, iteration and
 * isinstance. Everything dispatches through slots.
 */
#include <limits.h>

#include "vm/vm.h"

// Index into KaaNumberMethods of the binary slot for AstOperator `op`. The
// first 13 entries of the table follow AstOperator's order.
static inline void *number_slot(KaaTypeObject *t, int op)
{
    if (t->tp_as_number == NULL) {
        return NULL;
    }
    if (op & KAA_NB_INPLACE) {
        return t->tp_as_number->nb_inplace[op & ~KAA_NB_INPLACE];
    }
    return ((void **)t->tp_as_number)[op];
}

static const char *const op_symbols[] = {"+",  "-",  "*", "@", "/", "%", "**",
                                         "<<", ">>", "|", "^", "&", "//"};

static KaaObject *call_slot(void *slot, int op, KaaObject *v, KaaObject *w)
{
    if ((op & ~KAA_NB_INPLACE) == 6) { // power is ternary
        return ((ternaryfunc)slot)(v, w, Kaa_None);
    }
    return ((binaryfunc)slot)(v, w);
}

// CPython's binary_op1: the left operand's slot first, unless the right
// operand's type is a subclass with its own slot. NotImplemented (a new
// reference) when neither handles the pair.
static KaaObject *binary_op1(KaaObject *v, KaaObject *w, int op)
{
    void *slotv = number_slot(Kaa_TYPE(v), op);
    void *slotw = NULL;
    if (Kaa_TYPE(w) != Kaa_TYPE(v)) {
        slotw = number_slot(Kaa_TYPE(w), op);
        if (slotw == slotv) {
            slotw = NULL;
        }
    }
    KaaObject *x;
    if (slotv) {
        if (slotw && KaaType_IsSubtype(Kaa_TYPE(w), Kaa_TYPE(v))) {
            x = call_slot(slotw, op, v, w);
            if (x != Kaa_NotImplemented) {
                return x;
            }
            Kaa_DECREF(x);
            slotw = NULL;
        }
        x = call_slot(slotv, op, v, w);
        if (x != Kaa_NotImplemented) {
            return x;
        }
        Kaa_DECREF(x);
    }
    if (slotw) {
        return call_slot(slotw, op, v, w);
    }
    Kaa_RETURN_NOTIMPLEMENTED;
}

static KaaObject *binop_type_error(KaaObject *v, KaaObject *w, int op)
{
    int base = op & ~KAA_NB_INPLACE;
    const char *sym = op_symbols[base];
    if (op & KAA_NB_INPLACE) {
        return KaaErr_Format(KaaExc(TypeError), "unsupported operand type(s) for %s=: '%s' and '%s'",
                             sym, Kaa_TYPE(v)->tp_name, Kaa_TYPE(w)->tp_name);
    }
    if (base == 6) {
        return KaaErr_Format(KaaExc(TypeError),
                             "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                             Kaa_TYPE(v)->tp_name, Kaa_TYPE(w)->tp_name);
    }
    return KaaErr_Format(KaaExc(TypeError), "unsupported operand type(s) for %s: '%s' and '%s'",
                         sym, Kaa_TYPE(v)->tp_name, Kaa_TYPE(w)->tp_name);
}

static int is_index(KaaObject *o)
{
    return KaaInt_Check(o) || (Kaa_TYPE(o)->tp_as_number && Kaa_TYPE(o)->tp_as_number->nb_index);
}

static KaaObject *sequence_repeat(ssizeargfunc repeat, KaaObject *seq, KaaObject *n)
{
    if (!is_index(n)) {
        return KaaErr_Format(KaaExc(TypeError), "can't multiply sequence by non-int of type '%s'",
                             Kaa_TYPE(n)->tp_name);
    }
    Kaa_ssize_t count = KaaNumber_AsSsize_t(n, KaaExc(OverflowError));
    if (count == -1 && KaaErr_Occurred()) {
        return NULL;
    }
    return repeat(seq, count);
}

// Sequence fallbacks for + and * (list + list, 'ab' * 3, 3 * [0]).
static KaaObject *sequence_fallback(KaaObject *v, KaaObject *w, int op)
{
    int base = op & ~KAA_NB_INPLACE;
    KaaSequenceMethods *sv = Kaa_TYPE(v)->tp_as_sequence;
    KaaSequenceMethods *sw = Kaa_TYPE(w)->tp_as_sequence;
    if (base == 0 && sv) {
        if ((op & KAA_NB_INPLACE) && sv->sq_inplace_concat) {
            return sv->sq_inplace_concat(v, w);
        }
        if (sv->sq_concat) {
            return sv->sq_concat(v, w);
        }
    }
    if (base == 2) {
        if (sv && ((op & KAA_NB_INPLACE) && sv->sq_inplace_repeat)) {
            return sequence_repeat(sv->sq_inplace_repeat, v, w);
        }
        if (sv && sv->sq_repeat) {
            return sequence_repeat(sv->sq_repeat, v, w);
        }
        if (sw && sw->sq_repeat) {
            return sequence_repeat(sw->sq_repeat, w, v);
        }
    }
    return binop_type_error(v, w, op);
}

KaaObject *KaaNumber_BinaryOp(KaaObject *v, KaaObject *w, int op)
{
    if (op & KAA_NB_INPLACE) {
        void *slot = number_slot(Kaa_TYPE(v), op);
        if (slot) {
            KaaObject *x = ((binaryfunc)slot)(v, w);
            if (x != Kaa_NotImplemented) {
                return x;
            }
            Kaa_DECREF(x);
        }
    }
    KaaObject *x = binary_op1(v, w, op & ~KAA_NB_INPLACE);
    if (x != Kaa_NotImplemented) {
        return x;
    }
    Kaa_DECREF(x);
    return sequence_fallback(v, w, op);
}

KaaObject *KaaNumber_Add(KaaObject *a, KaaObject *b)
{
    return KaaNumber_BinaryOp(a, b, 0);
}

KaaObject *KaaNumber_Subtract(KaaObject *a, KaaObject *b)
{
    return KaaNumber_BinaryOp(a, b, 1);
}

KaaObject *KaaNumber_Multiply(KaaObject *a, KaaObject *b)
{
    return KaaNumber_BinaryOp(a, b, 2);
}

// Unary operators: slot offset within KaaNumberMethods, symbol for the error.
static KaaObject *unary_op(KaaObject *o, unaryfunc f, const char *sym)
{
    if (f) {
        return f(o);
    }
    return KaaErr_Format(KaaExc(TypeError), "bad operand type for %s: '%s'", sym,
                         Kaa_TYPE(o)->tp_name);
}

#define NB(o, slot) (Kaa_TYPE(o)->tp_as_number ? Kaa_TYPE(o)->tp_as_number->slot : NULL)

KaaObject *KaaNumber_Negative(KaaObject *o)
{
    return unary_op(o, NB(o, nb_negative), "unary -");
}

KaaObject *KaaNumber_Positive(KaaObject *o)
{
    return unary_op(o, NB(o, nb_positive), "unary +");
}

KaaObject *KaaNumber_Invert(KaaObject *o)
{
    return unary_op(o, NB(o, nb_invert), "unary ~");
}

KaaObject *KaaNumber_Absolute(KaaObject *o)
{
    return unary_op(o, NB(o, nb_absolute), "abs()");
}

KaaObject *KaaNumber_Index(KaaObject *o)
{
    if (KaaInt_Check(o)) {
        return Kaa_NewRef(o);
    }
    unaryfunc f = NB(o, nb_index);
    if (f == NULL) {
        return KaaErr_Format(KaaExc(TypeError), "'%s' object cannot be interpreted as an integer",
                             Kaa_TYPE(o)->tp_name);
    }
    KaaObject *r = f(o);
    if (r && !KaaInt_Check(r)) {
        KaaErr_Format(KaaExc(TypeError), "__index__ returned non-int (type %s)",
                      Kaa_TYPE(r)->tp_name);
        Kaa_DECREF(r);
        return NULL;
    }
    return r;
}

KaaObject *KaaNumber_Long(KaaObject *o)
{
    if (KaaInt_CheckExact(o)) {
        return Kaa_NewRef(o);
    }
    unaryfunc f = NB(o, nb_int);
    if (f) {
        return f(o);
    }
    if (NB(o, nb_index)) {
        return KaaNumber_Index(o);
    }
    return KaaErr_Format(KaaExc(TypeError),
                         "int() argument must be a string, a bytes-like object or a real number, "
                         "not '%s'",
                         Kaa_TYPE(o)->tp_name);
}

KaaObject *KaaNumber_Float(KaaObject *o)
{
    if (KaaFloat_CheckExact(o)) {
        return Kaa_NewRef(o);
    }
    unaryfunc f = NB(o, nb_float);
    if (f) {
        return f(o);
    }
    if (NB(o, nb_index)) {
        KaaObject *i = KaaNumber_Index(o);
        if (i == NULL) {
            return NULL;
        }
        double d = KaaInt_AsDouble(i);
        Kaa_DECREF(i);
        if (d == -1.0 && KaaErr_Occurred()) {
            return NULL;
        }
        return KaaFloat_FromDouble(d);
    }
    return KaaErr_Format(KaaExc(TypeError), "float() argument must be a string or a real number, not '%s'",
                         Kaa_TYPE(o)->tp_name);
}

Kaa_ssize_t KaaNumber_AsSsize_t(KaaObject *o, KaaObject *exc)
{
    KaaObject *i = KaaNumber_Index(o);
    if (i == NULL) {
        return -1;
    }
    Kaa_ssize_t r = KaaInt_AsSsize_t(i);
    if (r == -1 && KaaErr_Occurred()) {
        if (!KaaErr_ExceptionMatches(KaaExc(OverflowError))) {
            Kaa_DECREF(i);
            return -1;
        }
        KaaErr_Clear();
        if (exc == NULL) {
            r = KaaInt_Sign(i) < 0 ? KAA_SSIZE_MIN : KAA_SSIZE_MAX;
        } else {
            KaaErr_Format(exc, "cannot fit '%s' into an index-sized integer", Kaa_TYPE(o)->tp_name);
        }
    }
    Kaa_DECREF(i);
    return r;
}

// Argument Clinic's `int` converter: any overflow, either way, is CPython's
// one OverflowError text.
int kaa_number_as_int(KaaObject *o, int *out)
{
    KaaObject *i = KaaNumber_Index(o);
    if (i == NULL) {
        return -1;
    }
    int64_t v = KaaInt_AsInt64(i);
    Kaa_DECREF(i);
    if ((v == -1 && KaaErr_Occurred()) || v < INT_MIN || v > INT_MAX) {
        KaaErr_Clear();
        KaaErr_SetString(KaaExc(OverflowError), "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

// --- Items ------------------------------------------------------------------------

int kaa_pop_index(KaaObject *self, const char *kind, KaaObject *const *args, size_t nargs,
                  KaaObject *kwnames, Kaa_ssize_t *out)
{
    char qualname[64];
    snprintf(qualname, sizeof qualname, "%s.pop", kind);
    if (kaa_container_no_kwargs(qualname, kwnames) < 0 ||
        kaa_container_check_nargs("pop", nargs, 0, 1) < 0) {
        return -1;
    }
    Kaa_ssize_t i = -1;
    if (nargs == 1) {
        i = KaaNumber_AsSsize_t(args[0], KaaExc(OverflowError));
        if (i == -1 && KaaErr_Occurred()) {
            return -1;
        }
    }
    // The length after the conversion: __index__ may have resized self.
    Kaa_ssize_t n = Kaa_SIZE(self);
    if (n == 0) {
        KaaErr_Format(KaaExc(IndexError), "pop from empty %s", kind);
        return -1;
    }
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        KaaErr_SetString(KaaExc(IndexError), "pop index out of range");
        return -1;
    }
    *out = i;
    return 0;
}

KaaObject *KaaObject_GetItem(KaaObject *o, KaaObject *key)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript) {
        return t->tp_as_mapping->mp_subscript(o, key);
    }
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
        if (!is_index(key)) {
            return KaaErr_Format(KaaExc(TypeError), "sequence index must be integer, not '%s'",
                                 Kaa_TYPE(key)->tp_name);
        }
        Kaa_ssize_t i = KaaNumber_AsSsize_t(key, KaaExc(IndexError));
        if (i == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        if (i < 0 && t->tp_as_sequence->sq_length) {
            Kaa_ssize_t n = t->tp_as_sequence->sq_length(o);
            if (n < 0) {
                return NULL;
            }
            i += n;
        }
        return t->tp_as_sequence->sq_item(o, i);
    }
    if (KaaType_HasFeature(t, KAA_TPFLAGS_TYPE_SUBCLASS)) {
        if (o == (KaaObject *)&KaaType_Type) {
            return kaa_generic_alias(o, key); // type[int]
        }
        // C[key] calls the class's __class_getitem__ (PEP 560).
        KaaObject *meth;
        if (KaaObject_LookupAttr(o, KaaStr_InternFromString("__class_getitem__"), &meth) < 0) {
            return NULL;
        }
        if (meth) {
            KaaObject *r = KaaObject_CallOneArg(meth, key);
            Kaa_DECREF(meth);
            return r;
        }
        return KaaErr_Format(KaaExc(TypeError), "type '%s' is not subscriptable",
                             ((KaaTypeObject *)o)->tp_name);
    }
    return KaaErr_Format(KaaExc(TypeError), "'%s' object is not subscriptable", t->tp_name);
}

int KaaObject_SetItem(KaaObject *o, KaaObject *key, KaaObject *value)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript) {
        return t->tp_as_mapping->mp_ass_subscript(o, key, value);
    }
    if (t->tp_as_sequence && t->tp_as_sequence->sq_ass_item) {
        Kaa_ssize_t i = KaaNumber_AsSsize_t(key, KaaExc(IndexError));
        if (i == -1 && KaaErr_Occurred()) {
            return -1;
        }
        return t->tp_as_sequence->sq_ass_item(o, i, value);
    }
    KaaErr_Format(KaaExc(TypeError), "'%s' object does not support item assignment", t->tp_name);
    return -1;
}

int KaaObject_DelItem(KaaObject *o, KaaObject *key)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript) {
        return t->tp_as_mapping->mp_ass_subscript(o, key, NULL);
    }
    KaaErr_Format(KaaExc(TypeError), "'%s' object doesn't support item deletion", t->tp_name);
    return -1;
}

Kaa_ssize_t KaaObject_Length(KaaObject *o)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_length) {
        return t->tp_as_sequence->sq_length(o);
    }
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length) {
        return t->tp_as_mapping->mp_length(o);
    }
    KaaErr_Format(KaaExc(TypeError), "object of type '%s' has no len()", t->tp_name);
    return -1;
}

// iter(o) would work: __iter__, or the old __getitem__ sequence protocol.
int kaa_type_is_iterable(KaaTypeObject *t)
{
    return t->tp_iter || (t->tp_as_sequence && t->tp_as_sequence->sq_item) ||
           ((t->tp_flags & KAA_TPFLAGS_HEAPTYPE) && t->tp_as_mapping &&
            t->tp_as_mapping->mp_subscript);
}

int KaaSequence_Contains(KaaObject *seq, KaaObject *item)
{
    KaaTypeObject *t = Kaa_TYPE(seq);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_contains) {
        return t->tp_as_sequence->sq_contains(seq, item);
    }
    if (!kaa_type_is_iterable(t)) {
        KaaErr_Format(KaaExc(TypeError), "argument of type '%s' is not iterable", t->tp_name);
        return -1;
    }
    KaaObject *it = KaaObject_GetIter(seq);
    if (it == NULL) {
        return -1;
    }
    KaaObject *x;
    int found = 0;
    while ((x = KaaIter_Next(it)) != NULL) {
        int eq = KaaObject_RichCompareBool(x, item, Kaa_EQ);
        Kaa_DECREF(x);
        if (eq != 0) {
            found = eq;
            break;
        }
    }
    Kaa_DECREF(it);
    if (found == 0 && KaaErr_Occurred()) {
        return -1;
    }
    return found;
}

// --- Iteration --------------------------------------------------------------------

KaaObject *KaaObject_GetIter(KaaObject *o)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    if (t->tp_iter == NULL) {
        // The old sequence protocol: __getitem__ with 0, 1, 2... (a class
        // defining __getitem__ has it in mp_subscript).
        if (kaa_type_is_iterable(t)) {
            return KaaSeqIter_New(o);
        }
        return KaaErr_Format(KaaExc(TypeError), "'%s' object is not iterable", t->tp_name);
    }
    KaaObject *it = t->tp_iter(o);
    if (it && Kaa_TYPE(it)->tp_iternext == NULL) {
        KaaErr_Format(KaaExc(TypeError), "iter() returned non-iterator of type '%s'",
                      Kaa_TYPE(it)->tp_name);
        Kaa_DECREF(it);
        return NULL;
    }
    return it;
}

KaaObject *KaaIter_Next(KaaObject *it)
{
    iternextfunc f = Kaa_TYPE(it)->tp_iternext;
    if (f == NULL) {
        return KaaErr_Format(KaaExc(TypeError), "'%s' object is not an iterator",
                             Kaa_TYPE(it)->tp_name);
    }
    KaaObject *x = f(it);
    if (x == NULL && KaaErr_Occurred() && KaaErr_ExceptionMatches(KaaExc(StopIteration))) {
        KaaErr_Clear();
    }
    return x;
}

// --- isinstance / issubclass --------------------------------------------------------

static int is_type(KaaObject *o)
{
    return KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_TYPE_SUBCLASS);
}

// hook(cls, arg) as a truth value: 1, 0 or -1.
static int call_hook_bool(KaaObject *hook, KaaObject *cls, KaaObject *arg)
{
    KaaObject *args[2] = {cls, arg};
    KaaObject *r = KaaObject_Vectorcall(hook, args, 2, NULL);
    if (r == NULL) {
        return -1;
    }
    int t = KaaObject_IsTrue(r);
    Kaa_DECREF(r);
    return t;
}

// A metaclass defined in Python may override isinstance()/issubclass().
static int call_check_hook(KaaObject *cls, const char *name, KaaObject *arg)
{
    KaaTypeObject *meta = Kaa_TYPE(cls);
    if (!(meta->tp_flags & KAA_TPFLAGS_HEAPTYPE)) {
        return -2; // no hook
    }
    KaaObject *hook = kaa_type_lookup(meta, KaaStr_InternFromString(name));
    if (hook == NULL || Kaa_TYPE(hook) != &KaaFunction_Type) {
        return -2;
    }
    return call_hook_bool(hook, cls, arg);
}

// isinstance()/issubclass() with a second argument that is neither a class
// nor a tuple: its type's __instancecheck__/__subclasscheck__ (a union, a
// generic alias) decides, else the TypeError `what` describes.
static int call_object_hook(KaaObject *cls, const char *name, KaaObject *arg, const char *what)
{
    KaaObject *hook = kaa_type_lookup(Kaa_TYPE(cls), KaaStr_InternFromString(name));
    if (hook == NULL) {
        KaaErr_SetString(KaaExc(TypeError), what);
        return -1;
    }
    return call_hook_bool(hook, cls, arg);
}

int KaaObject_IsInstance(KaaObject *inst, KaaObject *cls)
{
    if (Kaa_TYPE(inst) == (KaaTypeObject *)cls) {
        return 1;
    }
    if (is_type(cls)) {
        int hooked = call_check_hook(cls, "__instancecheck__", inst);
        if (hooked != -2) {
            return hooked;
        }
        return KaaType_IsSubtype(Kaa_TYPE(inst), (KaaTypeObject *)cls);
    }
    if (KaaTuple_Check(cls)) {
        for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(cls); i++) {
            int r = KaaObject_IsInstance(inst, KaaTuple_GET_ITEM(cls, i));
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }
    return call_object_hook(cls, "__instancecheck__", inst,
                            "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

int KaaObject_IsSubclass(KaaObject *derived, KaaObject *cls)
{
    if (!is_type(derived)) {
        KaaErr_SetString(KaaExc(TypeError), "issubclass() arg 1 must be a class");
        return -1;
    }
    if (is_type(cls)) {
        int hooked = call_check_hook(cls, "__subclasscheck__", derived);
        if (hooked != -2) {
            return hooked;
        }
        return KaaType_IsSubtype((KaaTypeObject *)derived, (KaaTypeObject *)cls);
    }
    if (KaaTuple_Check(cls)) {
        for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(cls); i++) {
            int r = KaaObject_IsSubclass(derived, KaaTuple_GET_ITEM(cls, i));
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }
    return call_object_hook(cls, "__subclasscheck__", derived,
                            "issubclass() arg 2 must be a class, a tuple of classes, or a union");
}
