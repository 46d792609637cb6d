/* File objects (objects/fileobject.c): what open() returns and what
 * sys.stdin/stdout/stderr are, small models of io.TextIOWrapper (text modes)
 * and io.BufferedReader/BufferedWriter/BufferedRandom ('b' modes) over a C FILE*.
 */
#ifndef KAA_FILEOBJECT_H
#define KAA_FILEOBJECT_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include <stdio.h>

#include "kaa.h"

// The text file type; the kaa_file_* functions below take only its instances
// (binary files are used through their methods).
extern KaaTypeObject KaaFile_Type;
#define KaaFile_Check(o) KaaType_IsSubtype(Kaa_TYPE(o), &KaaFile_Type)

// The builtin open(file, mode='r', buffering=-1, encoding=None, errors=None,
// newline=None, closefd=True, opener=None). New reference; raises.
KaaObject *kaa_builtin_open(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames);
// A file object over one of the C standard streams (stdin, stdout, stderr);
// closing it never closes the stream. New reference; raises.
KaaObject *kaa_file_from_std(FILE *fp, const char *name, const char *mode);
// f.write(s) for a file object and a str, without a method call. 0 or -1.
int kaa_file_write(KaaObject *f, KaaObject *s);
// f.flush() for a file object. 0 or -1.
int kaa_file_flush(KaaObject *f);
// f.readline() for a file object: new str ("" at the end), or NULL.
KaaObject *kaa_file_readline(KaaObject *f);
// sys.<name> (stdin, stdout, stderr...), importing sys when needed: borrowed,
// or NULL without an exception when there is none (during shutdown).
KaaObject *kaa_sys_stream(const char *name);

#endif
