/* Exceptions: the current exception lives in the thread state as one
 * normalized exception object (3.12-style), never as a C longjmp.
 */
#ifndef KAA_ERRORS_H
#define KAA_ERRORS_H

#include "kaa/object.h"

typedef struct KaaBaseExceptionObject {
    KaaObject_HEAD
    KaaObject *dict;
    KaaObject *args;      // tuple
    KaaObject *traceback; // traceback object or NULL
    KaaObject *context;
    KaaObject *cause;
    char suppress_context;
} KaaBaseExceptionObject;

typedef struct KaaSyntaxErrorObject {
    KaaBaseExceptionObject base;
    KaaObject *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset;
} KaaSyntaxErrorObject;

typedef struct KaaStopIterationObject {
    KaaBaseExceptionObject base;
    KaaObject *value;
} KaaStopIterationObject;

typedef struct KaaSystemExitObject {
    KaaBaseExceptionObject base;
    KaaObject *code;
} KaaSystemExitObject;

typedef struct KaaNameErrorObject {
    KaaBaseExceptionObject base;
    KaaObject *name;
} KaaNameErrorObject;

typedef struct KaaOSErrorObject {
    KaaBaseExceptionObject base;
    KaaObject *myerrno, *strerror, *filename, *filename2;
} KaaOSErrorObject;

typedef struct KaaUnicodeErrorObject {
    KaaBaseExceptionObject base;
    KaaObject *encoding, *object, *start, *end, *reason;
} KaaUnicodeErrorObject;

typedef struct KaaAttributeErrorObject {
    KaaBaseExceptionObject base;
    KaaObject *obj;
    KaaObject *name;
} KaaAttributeErrorObject;

// The builtin exception types: X(C name, Python name, base C name, struct)
#define KAA_EXCEPTIONS(X)                                                                        \
    X(BaseException, "BaseException", BaseObject, KaaBaseExceptionObject)                        \
    X(SystemExit, "SystemExit", BaseException, KaaSystemExitObject)                              \
    X(KeyboardInterrupt, "KeyboardInterrupt", BaseException, KaaBaseExceptionObject)             \
    X(GeneratorExit, "GeneratorExit", BaseException, KaaBaseExceptionObject)                     \
    X(Exception, "Exception", BaseException, KaaBaseExceptionObject)                             \
    X(StopIteration, "StopIteration", Exception, KaaStopIterationObject)                         \
    X(StopAsyncIteration, "StopAsyncIteration", Exception, KaaBaseExceptionObject)               \
    X(ArithmeticError, "ArithmeticError", Exception, KaaBaseExceptionObject)                     \
    X(FloatingPointError, "FloatingPointError", ArithmeticError, KaaBaseExceptionObject)         \
    X(OverflowError, "OverflowError", ArithmeticError, KaaBaseExceptionObject)                   \
    X(ZeroDivisionError, "ZeroDivisionError", ArithmeticError, KaaBaseExceptionObject)           \
    X(AssertionError, "AssertionError", Exception, KaaBaseExceptionObject)                       \
    X(AttributeError, "AttributeError", Exception, KaaAttributeErrorObject)                      \
    X(BufferError, "BufferError", Exception, KaaBaseExceptionObject)                             \
    X(EOFError, "EOFError", Exception, KaaBaseExceptionObject)                                   \
    X(ImportError, "ImportError", Exception, KaaBaseExceptionObject)                             \
    X(ModuleNotFoundError, "ModuleNotFoundError", ImportError, KaaBaseExceptionObject)           \
    X(LookupError, "LookupError", Exception, KaaBaseExceptionObject)                             \
    X(IndexError, "IndexError", LookupError, KaaBaseExceptionObject)                             \
    X(KeyError, "KeyError", LookupError, KaaBaseExceptionObject)                                 \
    X(MemoryError, "MemoryError", Exception, KaaBaseExceptionObject)                             \
    X(NameError, "NameError", Exception, KaaNameErrorObject)                                     \
    X(UnboundLocalError, "UnboundLocalError", NameError, KaaNameErrorObject)                     \
    X(OSError, "OSError", Exception, KaaOSErrorObject)                                           \
    X(BlockingIOError, "BlockingIOError", OSError, KaaOSErrorObject)                             \
    X(ChildProcessError, "ChildProcessError", OSError, KaaOSErrorObject)                         \
    X(ConnectionError, "ConnectionError", OSError, KaaOSErrorObject)                             \
    X(BrokenPipeError, "BrokenPipeError", ConnectionError, KaaOSErrorObject)                     \
    X(ConnectionAbortedError, "ConnectionAbortedError", ConnectionError, KaaOSErrorObject)       \
    X(ConnectionRefusedError, "ConnectionRefusedError", ConnectionError, KaaOSErrorObject)       \
    X(ConnectionResetError, "ConnectionResetError", ConnectionError, KaaOSErrorObject)           \
    X(FileExistsError, "FileExistsError", OSError, KaaOSErrorObject)                             \
    X(FileNotFoundError, "FileNotFoundError", OSError, KaaOSErrorObject)                         \
    X(InterruptedError, "InterruptedError", OSError, KaaOSErrorObject)                           \
    X(IsADirectoryError, "IsADirectoryError", OSError, KaaOSErrorObject)                         \
    X(NotADirectoryError, "NotADirectoryError", OSError, KaaOSErrorObject)                       \
    X(PermissionError, "PermissionError", OSError, KaaOSErrorObject)                             \
    X(ProcessLookupError, "ProcessLookupError", OSError, KaaOSErrorObject)                       \
    X(TimeoutError, "TimeoutError", OSError, KaaOSErrorObject)                                   \
    X(ReferenceError, "ReferenceError", Exception, KaaBaseExceptionObject)                       \
    X(RuntimeError, "RuntimeError", Exception, KaaBaseExceptionObject)                           \
    X(NotImplementedError, "NotImplementedError", RuntimeError, KaaBaseExceptionObject)          \
    X(RecursionError, "RecursionError", RuntimeError, KaaBaseExceptionObject)                    \
    X(SyntaxError, "SyntaxError", Exception, KaaSyntaxErrorObject)                               \
    X(IndentationError, "IndentationError", SyntaxError, KaaSyntaxErrorObject)                   \
    X(TabError, "TabError", IndentationError, KaaSyntaxErrorObject)                              \
    X(SystemError, "SystemError", Exception, KaaBaseExceptionObject)                             \
    X(TypeError, "TypeError", Exception, KaaBaseExceptionObject)                                 \
    X(ValueError, "ValueError", Exception, KaaBaseExceptionObject)                               \
    X(UnicodeError, "UnicodeError", ValueError, KaaBaseExceptionObject)                          \
    X(UnicodeDecodeError, "UnicodeDecodeError", UnicodeError, KaaUnicodeErrorObject)             \
    X(UnicodeEncodeError, "UnicodeEncodeError", UnicodeError, KaaUnicodeErrorObject)             \
    X(UnicodeTranslateError, "UnicodeTranslateError", UnicodeError, KaaUnicodeErrorObject)       \
    X(Warning, "Warning", Exception, KaaBaseExceptionObject)                                     \
    X(DeprecationWarning, "DeprecationWarning", Warning, KaaBaseExceptionObject)                 \
    X(RuntimeWarning, "RuntimeWarning", Warning, KaaBaseExceptionObject)                         \
    X(SyntaxWarning, "SyntaxWarning", Warning, KaaBaseExceptionObject)                           \
    X(UserWarning, "UserWarning", Warning, KaaBaseExceptionObject)                               \
    X(FutureWarning, "FutureWarning", Warning, KaaBaseExceptionObject)                           \
    X(PendingDeprecationWarning, "PendingDeprecationWarning", Warning, KaaBaseExceptionObject)   \
    X(ImportWarning, "ImportWarning", Warning, KaaBaseExceptionObject)                           \
    X(UnicodeWarning, "UnicodeWarning", Warning, KaaBaseExceptionObject)                         \
    X(BytesWarning, "BytesWarning", Warning, KaaBaseExceptionObject)                             \
    X(ResourceWarning, "ResourceWarning", Warning, KaaBaseExceptionObject)                       \
    X(EncodingWarning, "EncodingWarning", Warning, KaaBaseExceptionObject)

#define KAA_DECLARE_EXC(cname, pyname, base, st) extern KaaTypeObject KaaExc_##cname##_Type;
KAA_EXCEPTIONS(KAA_DECLARE_EXC)
#undef KAA_DECLARE_EXC
#define KaaExc(cname) ((KaaObject *)&KaaExc_##cname##_Type)

// Set the current exception (replacing any). Never fail.
void KaaErr_SetObject(KaaObject *type, KaaObject *value);
void KaaErr_SetString(KaaObject *type, const char *msg);
void KaaErr_SetNone(KaaObject *type);
// printf-like, plus %R (repr of a KaaObject*), %S (str of it), %U (a str
// object's text) and %T (the type name of a KaaObject*). Return NULL.
KaaObject *KaaErr_Format(KaaObject *type, const char *fmt, ...);
KaaObject *KaaErr_NoMemory(void);
// Raise UnicodeDecodeError(encoding, data[0:n], start, end, reason) or
// UnicodeEncodeError(encoding, str, start, end, reason) (start/end in bytes
// or characters of the object). Return NULL.
KaaObject *KaaErr_SetUnicodeDecodeError(const char *encoding, const char *data, Kaa_ssize_t n,
                                        Kaa_ssize_t start, Kaa_ssize_t end, const char *reason);
KaaObject *KaaErr_SetUnicodeEncodeError(const char *encoding, KaaObject *str, Kaa_ssize_t start,
                                        Kaa_ssize_t end, const char *reason);
// Raise OSError(err, strerror(err)[, filename]): the subclass errno names
// (FileNotFoundError...), "[Errno 2] No such file or directory: 'x'". NULL.
KaaObject *KaaErr_SetFromErrnoWithFilename(int err, KaaObject *filename);
// Borrowed: the current exception's type, or NULL.
KaaObject *KaaErr_Occurred(void);
int KaaErr_ExceptionMatches(KaaObject *type);
int KaaErr_GivenExceptionMatches(KaaObject *given, KaaObject *type);
void KaaErr_Clear(void);
// Take the current exception out of the thread state (new reference or NULL).
KaaObject *KaaErr_GetRaisedException(void);
// Install exc as the current exception (steals the reference; NULL clears).
void KaaErr_SetRaisedException(KaaObject *exc);
KaaObject *KaaErr_BadArgument(void);
void KaaErr_BadInternalCall(const char *where);
// Print "Exception ignored in: <obj repr>" plus the traceback, then clear.
void KaaErr_WriteUnraisable(KaaObject *obj);
// Print the current exception with its traceback to stderr and clear it.
void KaaErr_Print(void);

KaaObject *KaaException_New(KaaObject *type, KaaObject *args_tuple);
int KaaExceptionInstance_Check(KaaObject *o);
int KaaExceptionClass_Check(KaaObject *o);

#endif
