/* A token as the lexer hands it to the parser: a kind (the TK_* codes that
 * lemon writes to gen/parser.h), a span of the lexer's source buffer and its
 * position. Literals are not decoded here: the grammar actions decode them
 * from the span (kaa_lexer_decode_string), so a token stays small and can be
 * copied by value through the lemon stack.
 */
#ifndef KAA_TOKEN_H
#define KAA_TOKEN_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

// Flags on a token (KaaToken.flags).
enum {
    // STRING: the prefix letters and the quote form.
    KAA_TOKF_BYTES = 1 << 0,
    KAA_TOKF_RAW = 1 << 1,
    KAA_TOKF_FMT = 1 << 2,
    KAA_TOKF_U = 1 << 3,
    KAA_TOKF_TRIPLE = 1 << 4,
    // NUMBER: the kind of literal.
    KAA_TOKF_INT = 1 << 5,
    KAA_TOKF_FLOAT = 1 << 6,
    KAA_TOKF_IMAG = 1 << 7,
    // INDENT, DEDENT and the end of input have no text: CPython reports an
    // error on them at the column where the lexer stood (no +1), so col is
    // that column and error offsets are computed without the +1.
    KAA_TOKF_NOTEXT = 1 << 8,
    // Made up by the driver (the parentheses around an f-string field).
    KAA_TOKF_SYNTH = 1 << 9,
};

typedef struct KaaToken {
    int type;                // TK_* code, 0 at the end of input
    unsigned flags;          // KAA_TOKF_*
    const char *z;           // first byte, in the lexer's buffer
    int n;                   // length in bytes
    int lineno, col;         // 1-based line, 0-based byte column of the first byte
    int end_lineno, end_col; // just past the last byte
} KaaToken;

#endif
