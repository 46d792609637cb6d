/* types.GenericAlias and types.UnionType: what `list[int]` and `int | str`
 * evaluate to (PEP 585 and PEP 604), after CPython's Objects/genericaliasobject.c
 * and unionobject.c. kaa has no typing module, so there are no type variables:
 * __parameters__ is always empty and an alias cannot be subscripted again.
 *
 * A GenericAlias forwards attribute reads to its origin (list[int].append is
 * list.append) except for its own few, is callable (list[int]() is a list),
 * and may be a base class (its __mro_entries__ gives the origin). A union
 * keeps its distinct arguments in order, flattening nested unions; isinstance
 * and issubclass accept it.
 */
#include "gc/gc.h"
#include "mem/mem.h"
#include "util/strbuf.h"
#include "vm/vm.h"

typedef struct {
    KaaObject_HEAD KaaObject *origin;
    KaaObject *args; // tuple
} AliasObject;

extern KaaTypeObject KaaGenericAlias_Type, KaaUnion_Type;

#define ALIAS(o) ((AliasObject *)(o))

static KaaObject *alias_alloc(KaaTypeObject *type, KaaObject *origin, KaaObject *args)
{
    AliasObject *a = (AliasObject *)KaaType_GenericAlloc(type, 0);
    if (a == NULL) {
        return NULL;
    }
    a->origin = origin ? Kaa_NewRef(origin) : NULL;
    a->args = Kaa_NewRef(args);
    KAA_GC_TRACK(a);
    return (KaaObject *)a;
}

// GenericAlias(origin, args): args may be a single item or a tuple.
KaaObject *kaa_generic_alias(KaaObject *origin, KaaObject *args)
{
    if (KaaTuple_Check(args)) {
        return alias_alloc(&KaaGenericAlias_Type, origin, args);
    }
    KaaObject *t = KaaTuple_Pack(1, args);
    if (t == NULL) {
        return NULL;
    }
    KaaObject *a = alias_alloc(&KaaGenericAlias_Type, origin, t);
    Kaa_DECREF(t);
    return a;
}

// The __class_getitem__ of list, dict, tuple, set, frozenset, type, ...
KaaObject *kaa_class_getitem_alias(KaaObject *cls, KaaObject *item)
{
    return kaa_generic_alias(cls, item);
}

static void alias_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    Kaa_XDECREF(ALIAS(o)->origin);
    Kaa_XDECREF(ALIAS(o)->args);
    kaa_container_free(o);
}

static int alias_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(ALIAS(o)->origin);
    Kaa_VISIT(ALIAS(o)->args);
    return 0;
}

static int alias_clear(KaaObject *o)
{
    Kaa_CLEAR(ALIAS(o)->origin);
    Kaa_CLEAR(ALIAS(o)->args);
    return 0;
}

// --- repr ---------------------------------------------------------------------------

static int add_str(KaaStrBuf *b, KaaObject *s)
{
    if (s == NULL) {
        return -1;
    }
    if (!KaaStr_Check(s)) {
        Kaa_DECREF(s);
        KaaErr_SetString(KaaExc(TypeError), "__repr__ returned non-string");
        return -1;
    }
    kaa_strbuf_add(b, KaaStr_DATA(s), (size_t)KaaStr_NBYTES(s));
    Kaa_DECREF(s);
    return 0;
}

// One argument as CPython's ga_repr_item shows it: `...`, another alias by
// its repr, a class as module.qualname (just the name for builtins),
// anything else by repr().
static int repr_item(KaaStrBuf *b, KaaObject *p)
{
    if (p == Kaa_Ellipsis) {
        kaa_strbuf_adds(b, "...");
        return 0;
    }
    KaaObject *origin = NULL, *qualname = NULL, *module = NULL;
    int r = KaaObject_LookupAttr(p, KaaStr_InternFromString("__origin__"), &origin);
    if (r == 0) {
        r = KaaObject_LookupAttr(p, KaaStr_InternFromString("__qualname__"), &qualname);
    }
    if (r > 0 && qualname) {
        r = KaaObject_LookupAttr(p, KaaStr_InternFromString("__module__"), &module);
    }
    int named = r > 0 && module && module != Kaa_None && KaaStr_Check(module) &&
                KaaStr_Check(qualname);
    if (named) {
        if (!KaaStr_EqualToASCII(module, "builtins")) {
            kaa_strbuf_add(b, KaaStr_DATA(module), (size_t)KaaStr_NBYTES(module));
            kaa_strbuf_addc(b, '.');
        }
        kaa_strbuf_add(b, KaaStr_DATA(qualname), (size_t)KaaStr_NBYTES(qualname));
    }
    Kaa_XDECREF(origin);
    Kaa_XDECREF(qualname);
    Kaa_XDECREF(module);
    if (r < 0) {
        return -1;
    }
    return named ? 0 : add_str(b, KaaObject_Repr(p));
}

// The items of a tuple joined by sep; in a union, type(None) shows as None.
static int repr_items(KaaStrBuf *b, KaaObject *items, const char *sep, int is_union)
{
    for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(items); i++) {
        if (i) {
            kaa_strbuf_adds(b, sep);
        }
        KaaObject *p = KaaTuple_GET_ITEM(items, i);
        if (is_union && p == (KaaObject *)&KaaNone_Type) {
            kaa_strbuf_adds(b, "None");
        } else if (repr_item(b, p) < 0) {
            return -1;
        }
    }
    return 0;
}

static KaaObject *finish_repr(KaaStrBuf *b, int ok)
{
    KaaObject *s = NULL;
    if (ok && b->failed) {
        KaaErr_NoMemory();
    } else if (ok) {
        s = KaaStr_FromStringAndSize(b->data, (Kaa_ssize_t)b->len);
    }
    kaa_strbuf_free(b);
    return s;
}

static KaaObject *alias_repr(KaaObject *o)
{
    AliasObject *a = ALIAS(o);
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    int ok = repr_item(&b, a->origin) == 0;
    if (ok) {
        kaa_strbuf_addc(&b, '[');
        if (KaaTuple_GET_SIZE(a->args) == 0) {
            kaa_strbuf_adds(&b, "()");
        } else {
            ok = repr_items(&b, a->args, ", ", 0) == 0;
        }
        kaa_strbuf_addc(&b, ']');
    }
    return finish_repr(&b, ok);
}

static KaaObject *union_repr(KaaObject *o)
{
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    int ok = repr_items(&b, ALIAS(o)->args, " | ", 1) == 0;
    return finish_repr(&b, ok);
}

// --- GenericAlias behaviour ---------------------------------------------------------------

// Names an alias answers itself; every other attribute comes from the origin.
static const char *const own_attrs[] = {
    "__class__",  "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", "__instancecheck__", "__subclasscheck__", NULL,
};

static KaaObject *alias_getattro(KaaObject *o, KaaObject *name)
{
    if (KaaStr_Check(name)) {
        const char *const *p = own_attrs;
        while (*p && !KaaStr_EqualToASCII(name, *p)) {
            p++;
        }
        if (*p == NULL) {
            return KaaObject_GetAttr(ALIAS(o)->origin, name);
        }
    }
    return KaaObject_GenericGetAttr(o, name);
}

static KaaObject *alias_call(KaaObject *o, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames)
{
    KaaObject *r = KaaObject_Vectorcall(ALIAS(o)->origin, args, nargs, kwnames);
    if (r == NULL) {
        return NULL;
    }
    // The instance remembers the alias when it can (CPython sets __orig_class__).
    if (KaaObject_SetAttr(r, KaaStr_InternFromString("__orig_class__"), o) < 0) {
        if (!KaaErr_ExceptionMatches(KaaExc(AttributeError)) &&
            !KaaErr_ExceptionMatches(KaaExc(TypeError))) {
            Kaa_DECREF(r);
            return NULL;
        }
        KaaErr_Clear();
    }
    return r;
}

static KaaObject *alias_richcompare(KaaObject *a, KaaObject *b, int op)
{
    if (Kaa_TYPE(b) != Kaa_TYPE(a) || (op != Kaa_EQ && op != Kaa_NE)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    int eq = KaaObject_RichCompareBool(ALIAS(a)->origin, ALIAS(b)->origin, Kaa_EQ);
    if (eq > 0) {
        eq = KaaObject_RichCompareBool(ALIAS(a)->args, ALIAS(b)->args, Kaa_EQ);
    }
    if (eq < 0) {
        return NULL;
    }
    return KaaBool_FromLong(op == Kaa_EQ ? eq : !eq);
}

static Kaa_hash_t alias_hash(KaaObject *o)
{
    Kaa_hash_t h0 = KaaObject_Hash(ALIAS(o)->origin);
    if (h0 == -1) {
        return -1;
    }
    Kaa_hash_t h1 = KaaObject_Hash(ALIAS(o)->args);
    if (h1 == -1) {
        return -1;
    }
    Kaa_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static KaaObject *alias_getitem(KaaObject *o, KaaObject *key)
{
    (void)key;
    return KaaErr_Format(KaaExc(TypeError), "%R is not a generic class", o);
}

static KaaObject *alias_mro_entries(KaaObject *o, KaaObject *bases)
{
    (void)bases;
    return KaaTuple_Pack(1, ALIAS(o)->origin);
}

static KaaObject *alias_instancecheck(KaaObject *o, KaaObject *arg)
{
    (void)o, (void)arg;
    return KaaErr_Format(KaaExc(TypeError),
                         "isinstance() argument 2 cannot be a parameterized generic");
}

static KaaObject *alias_subclasscheck(KaaObject *o, KaaObject *arg)
{
    (void)o, (void)arg;
    return KaaErr_Format(KaaExc(TypeError),
                         "issubclass() argument 2 cannot be a parameterized generic");
}

static KaaObject *alias_parameters(KaaObject *o, void *closure)
{
    (void)o, (void)closure;
    return KaaTuple_New(0);
}

static KaaObject *alias_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    (void)type;
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        return KaaErr_Format(KaaExc(TypeError), "GenericAlias() takes no keyword arguments");
    }
    if (nargs != 2) {
        return KaaErr_Format(KaaExc(TypeError), "GenericAlias expected 2 arguments, got %zu",
                             nargs);
    }
    return kaa_generic_alias(args[0], args[1]);
}

static KaaObject *union_or(KaaObject *a, KaaObject *b);

static KaaNumberMethods alias_as_number = {.nb_or = union_or};
static KaaMappingMethods alias_as_mapping = {.mp_subscript = alias_getitem};

static KaaMethodDef alias_methods[] = {
    {"__mro_entries__", alias_mro_entries, KAA_METH_O, NULL},
    {"__instancecheck__", alias_instancecheck, KAA_METH_O, NULL},
    {"__subclasscheck__", alias_subclasscheck, KAA_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static KaaMemberDef alias_members[] = {
    {"__origin__", KAA_T_OBJECT, offsetof(AliasObject, origin), 0, NULL},
    {"__args__", KAA_T_OBJECT, offsetof(AliasObject, args), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KaaGetSetDef alias_getset[] = {
    {"__parameters__", alias_parameters, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KaaTypeObject KaaGenericAlias_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(AliasObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is "
              "list and t.__args__ is (int,).",
    .tp_dealloc = alias_dealloc,
    .tp_traverse = alias_traverse,
    .tp_clear = alias_clear,
    .tp_repr = alias_repr,
    .tp_hash = alias_hash,
    .tp_richcompare = alias_richcompare,
    .tp_getattro = alias_getattro,
    .tp_call = alias_call,
    .tp_new = alias_new,
    .tp_as_number = &alias_as_number,
    .tp_as_mapping = &alias_as_mapping,
    .tp_methods = alias_methods,
    .tp_members = alias_members,
    .tp_getset = alias_getset,
};

// --- UnionType -----------------------------------------------------------------------------

// What may take part in `X | Y`: None, classes, aliases and unions.
static int unionable(KaaObject *o)
{
    return o == Kaa_None || KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_TYPE_SUBCLASS) ||
           Kaa_TYPE(o) == &KaaGenericAlias_Type || Kaa_TYPE(o) == &KaaUnion_Type;
}

// Append o (or a union's arguments) to list, skipping ones already there.
static int add_union_arg(KaaObject *list, KaaObject *o)
{
    if (Kaa_TYPE(o) == &KaaUnion_Type) {
        KaaObject *args = ALIAS(o)->args;
        for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(args); i++) {
            if (add_union_arg(list, KaaTuple_GET_ITEM(args, i)) < 0) {
                return -1;
            }
        }
        return 0;
    }
    // None takes part as type(None).
    if (o == Kaa_None) {
        o = (KaaObject *)&KaaNone_Type;
    }
    for (Kaa_ssize_t i = 0; i < KaaList_GET_SIZE(list); i++) {
        KaaObject *x = KaaList_GET_ITEM(list, i);
        int same = x == o;
        if (!same && Kaa_TYPE(x) == &KaaGenericAlias_Type && Kaa_TYPE(o) == Kaa_TYPE(x)) {
            same = KaaObject_RichCompareBool(x, o, Kaa_EQ);
            if (same < 0) {
                return -1;
            }
        }
        if (same) {
            return 0;
        }
    }
    return KaaList_Append(list, o);
}

static KaaObject *union_or(KaaObject *a, KaaObject *b)
{
    if (!unionable(a) || !unionable(b)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    KaaObject *list = KaaList_New(0);
    if (list == NULL || add_union_arg(list, a) < 0 || add_union_arg(list, b) < 0) {
        Kaa_XDECREF(list);
        return NULL;
    }
    KaaObject *r;
    if (KaaList_GET_SIZE(list) == 1) {
        r = Kaa_NewRef(KaaList_GET_ITEM(list, 0));
    } else {
        KaaObject *args = KaaTuple_FromArray(((KaaListObject *)list)->ob_item,
                                             KaaList_GET_SIZE(list));
        r = args ? alias_alloc(&KaaUnion_Type, NULL, args) : NULL;
        Kaa_XDECREF(args);
    }
    Kaa_DECREF(list);
    return r;
}

// type.__or__ / __ror__: `int | str`.
KaaObject *kaa_type_or(KaaObject *a, KaaObject *b)
{
    return union_or(a, b);
}

static KaaObject *union_check(KaaObject *o, KaaObject *arg, int sub)
{
    KaaObject *args = ALIAS(o)->args;
    for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(args); i++) {
        KaaObject *t = KaaTuple_GET_ITEM(args, i);
        int r = sub ? KaaObject_IsSubclass(arg, t) : KaaObject_IsInstance(arg, t);
        if (r != 0) {
            return r < 0 ? NULL : KaaBool_FromLong(1);
        }
    }
    return KaaBool_FromLong(0);
}

static KaaObject *union_instancecheck(KaaObject *o, KaaObject *arg)
{
    return union_check(o, arg, 0);
}

static KaaObject *union_subclasscheck(KaaObject *o, KaaObject *arg)
{
    return union_check(o, arg, 1);
}

static KaaObject *union_richcompare(KaaObject *a, KaaObject *b, int op)
{
    if (Kaa_TYPE(b) != &KaaUnion_Type || (op != Kaa_EQ && op != Kaa_NE)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    KaaObject *sa = KaaFrozenSet_New(ALIAS(a)->args);
    KaaObject *sb = sa ? KaaFrozenSet_New(ALIAS(b)->args) : NULL;
    KaaObject *r = sb ? KaaObject_RichCompare(sa, sb, op) : NULL;
    Kaa_XDECREF(sa);
    Kaa_XDECREF(sb);
    return r;
}

static Kaa_hash_t union_hash(KaaObject *o)
{
    KaaObject *s = KaaFrozenSet_New(ALIAS(o)->args);
    if (s == NULL) {
        return -1;
    }
    Kaa_hash_t h = KaaObject_Hash(s);
    Kaa_DECREF(s);
    return h;
}

static KaaObject *union_getattro(KaaObject *o, KaaObject *name)
{
    return KaaObject_GenericGetAttr(o, name);
}

static KaaMethodDef union_methods[] = {
    {"__instancecheck__", union_instancecheck, KAA_METH_O, NULL},
    {"__subclasscheck__", union_subclasscheck, KAA_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static KaaMemberDef union_members[] = {
    {"__args__", KAA_T_OBJECT, offsetof(AliasObject, args), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KaaNumberMethods union_as_number = {.nb_or = union_or};

KaaTypeObject KaaUnion_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(AliasObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_dealloc = alias_dealloc,
    .tp_traverse = alias_traverse,
    .tp_clear = alias_clear,
    .tp_repr = union_repr,
    .tp_hash = union_hash,
    .tp_richcompare = union_richcompare,
    .tp_getattro = union_getattro,
    .tp_as_number = &union_as_number,
    .tp_methods = union_methods,
    .tp_members = union_members,
    .tp_getset = alias_getset,
};
