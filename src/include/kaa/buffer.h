/* The buffer protocol: direct access to the memory of bytes, bytearray,
 * memoryview and array.array, and the memoryview type built on it.
 *
 * A one-dimensional, C-contiguous subset of CPython's Py_buffer. A consumer
 * asks for a view with KaaObject_GetBuffer and must give it back with
 * KaaBuffer_Release: while a view is held, the exporter keeps its memory
 * where it is (a bytearray or an array refuses to resize with BufferError).
 * Types become exporters by registering a KaaBufferProcs table (the
 * tp_as_buffer role); subclasses inherit it through tp_base.
 */
#ifndef KAA_BUFFER_H
#define KAA_BUFFER_H

#include <stdint.h>

#include "kaa/object.h"

typedef struct KaaBuffer {
    void *buf;            // the first byte
    Kaa_ssize_t len;      // size in bytes (a multiple of itemsize)
    int readonly;         // 1 when the memory must not be written
    Kaa_ssize_t itemsize; // bytes per item
    const char *format;   // struct-style format of one item: "B", "h", "d", ...
    KaaObject *obj;       // the exporter (strong reference); NULL once released
} KaaBuffer;

// An exporter's slots. getbuffer fills every field of view but obj (the
// protocol sets it) and returns 0, or -1 with an exception; releasebuffer
// (may be NULL) undoes what getbuffer counted.
typedef struct KaaBufferProcs {
    int (*bf_getbuffer)(KaaObject *o, KaaBuffer *view, int writable);
    void (*bf_releasebuffer)(KaaObject *o, KaaBuffer *view);
} KaaBufferProcs;

// Make instances of type (and of its subclasses) exporters. procs must stay
// valid for the life of the interpreter. 0, or -1 with an exception.
int KaaBuffer_RegisterType(KaaTypeObject *type, const KaaBufferProcs *procs);
// 1 when o's type exports buffers, else 0. Never fails.
int KaaObject_CheckBuffer(KaaObject *o);
// Fill *view with o's memory; with `writable`, refuse read-only memory
// (BufferError). 0, or -1 with an exception (TypeError "a bytes-like object
// is required, not 'int'" for non-exporters). The view holds a reference to o.
int KaaObject_GetBuffer(KaaObject *o, KaaBuffer *view, int writable);
// Give a view back (view->obj becomes NULL). Safe on a released view.
void KaaBuffer_Release(KaaBuffer *view);

// --- memoryview (objects/memoryobject.c) -----------------------------------------------

// A view of a slice of an exporter's memory: `length` items of `itemsize`
// bytes, `stride` bytes apart (negative or a multiple of itemsize for a
// stepped slice). Each memoryview holds its own export of the underlying
// object (never of another memoryview), so slices and views of views keep
// the memory pinned independently.
typedef struct KaaMemoryViewObject {
    KaaObject_HEAD
    KaaBuffer master;     // the underlying object's export; master.obj NULL once released
    char *start;          // item 0
    Kaa_ssize_t length;   // number of items (shape[0])
    Kaa_ssize_t stride;   // bytes from one item to the next
    Kaa_ssize_t itemsize; // bytes per item
    int readonly;
    char format[4];       // "B", "h", or "@h" as the user wrote it in cast()
    Kaa_ssize_t exports;  // views taken of this memoryview and not yet released
    Kaa_hash_t hash;      // -1 until computed
} KaaMemoryViewObject;

extern KaaTypeObject KaaMemoryView_Type, KaaMemoryIter_Type;
#define KaaMemoryView_Check(o) (Kaa_TYPE(o) == &KaaMemoryView_Type)
// memoryview(o). New reference; raises.
KaaObject *KaaMemoryView_FromObject(KaaObject *o);
// memoryview's own buffer slots (registered by buffer.c).
extern const KaaBufferProcs kaa_memoryview_procs;

// --- Native item formats (objects/buffer.c), shared by memoryview, array, struct --------

// Size and alignment of one native ('@') item of struct code c, or 0 for an
// unknown code.
Kaa_ssize_t kaa_buffer_item_size(int c);
Kaa_ssize_t kaa_buffer_item_align(int c);
// The native item of code c at p as an object: int, float, bool, or a
// 1-byte bytes for 'c'. New reference; NULL with MemoryError.
KaaObject *kaa_buffer_unpack_item(int c, const void *p);
// Store a native item of code c at p: v.i for the signed codes (truncated
// to the item's width), v.u for the unsigned ones and 'c', v.d for 'e',
// 'f' and 'd', v.i != 0 for '?'. Never fails.
typedef union KaaItemValue {
    int64_t i;
    uint64_t u;
    double d;
} KaaItemValue;
void kaa_buffer_store_item(int c, void *p, KaaItemValue v);
// 1 for the unsigned integer codes (B H I L Q N P), 0 for the others.
int kaa_buffer_code_unsigned(int c);

// Where an int lies relative to the 64-bit ranges (kaa_int_bits64).
enum { KAA_INT64 = 0, KAA_UINT64_ONLY, KAA_INT_TOO_BIG, KAA_INT_TOO_SMALL };
// Classify int o (an int object) and set *out to its value when it fits
// 64 bits (two's complement for KAA_INT64). Never fails.
int kaa_int_bits64(KaaObject *o, uint64_t *out);
// The same for o.__index__(): the class, or -1 with an exception (TypeError
// for an object that is not index-like).
int kaa_index_bits64(KaaObject *o, uint64_t *out);

// IEEE 754 binary16 ('e'): pack returns 0, or -1 when |x| is too large
// (the caller raises); unpack never fails. Both in native byte order.
int kaa_half_pack(double x, unsigned char out[2]);
double kaa_half_unpack(const unsigned char in[2]);

// The bytes-like argument o's memory for a short read (no Python code may
// run before it is used): 1 with *p and *n set, or 0 when o is not a
// contiguous exporter (a released memoryview counts as none). Never fails.
int kaa_buffer_peek(KaaObject *o, const char **p, Kaa_ssize_t *n);
// A kaa_mem_alloc'd copy of exporter o's bytes (a stepped memoryview's items
// gathered) in *out and its size in *n: 1; 0 when o is not an exporter; -1
// with an exception (a released memoryview, no memory).
int kaa_buffer_copy(KaaObject *o, char **out, Kaa_ssize_t *n);

#endif
