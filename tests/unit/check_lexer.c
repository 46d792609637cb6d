/* White-box tests of the lexer (src/parse/lexer.c + grammar/lexer.re):
 * token sequences for representative inputs (the expected sequences were
 * produced by CPython 3.11's tokenize module), token positions, literal
 * kinds and decoded string values, and tokenizer errors with CPython's
 * messages and positions. Every test checks that the lexer frees what it
 * allocates.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem/mem.h"
#include "parse/lexer.h"
#include "parser.h"

static size_t live_at_start;

static void setup(void)
{
    live_at_start = kaa_mem_live_blocks();
}

static void teardown(void)
{
    ck_assert_uint_eq(kaa_mem_live_blocks(), live_at_start);
}

// Lex src completely; write the tokens as "NAME:x '=' NUMBER:1 NEWLINE ..."
// (or the error as "ERROR kind: msg @line,offset") into out.
static void lex_all(const char *src, size_t len, unsigned flags, char *out, size_t size)
{
    KaaLexer lx;
    KaaSyntaxError err;
    KaaToken t;
    size_t n = 0;
    out[0] = 0;
    if (kaa_lexer_init(&lx, src, len, flags, &err) == 0) {
        int type;
        while ((type = kaa_lexer_next(&lx, &t)) > 0) {
            const char *name = kaa_token_name(type);
            if (type == TK_NAME || type == TK_NUMBER || type == TK_STRING) {
                n += (size_t)snprintf(out + n, size - n, "%s:%.*s ", name, t.n, t.z);
            } else {
                n += (size_t)snprintf(out + n, size - n, "%s ", name);
            }
            ck_assert_uint_lt(n, size);
        }
        if (type == 0) {
            snprintf(out + n, size - n, "ENDMARKER");
        } else {
            snprintf(out + n, size - n, "ERROR %s: %s @%d,%d", err.kind, err.msg, err.lineno,
                     err.offset);
        }
    } else {
        snprintf(out, size, "ERROR %s: %s @%d,%d", err.kind, err.msg, err.lineno, err.offset);
    }
    kaa_lexer_fini(&lx);
}

static const char *lex(const char *src, unsigned flags)
{
    static char out[8192];
    lex_all(src, strlen(src), flags, out, sizeof out);
    return out;
}

typedef struct LexCase {
    const char *src, *tokens;
} LexCase;

typedef struct ErrCase {
    const char *src, *kind, *msg;
    int lineno, offset;
} ErrCase;

// Produced by running CPython 3.11 (tokenize) on each source.
static const LexCase lex_cases[] = {
    {"x = 1\n", "NAME:x '=' NUMBER:1 NEWLINE ENDMARKER"},
    {"x", "NAME:x NEWLINE ENDMARKER"},
    {"if a:\n    b\n", "'if' NAME:a ':' NEWLINE INDENT NAME:b NEWLINE DEDENT ENDMARKER"},
    {"if a:\n    if b:\n        c\n    d\ne\n",
     "'if' NAME:a ':' NEWLINE INDENT 'if' NAME:b ':' NEWLINE INDENT NAME:c NEWLINE DEDENT NAME:d "
     "NEWLINE DEDENT NAME:e NEWLINE ENDMARKER"},
    {"def f():\n  if x:\n    while y:\n      pass\nz = 1\n",
     "'def' NAME:f '(' ')' ':' NEWLINE INDENT 'if' NAME:x ':' NEWLINE INDENT 'while' NAME:y ':' "
     "NEWLINE INDENT 'pass' NEWLINE DEDENT DEDENT DEDENT NAME:z '=' NUMBER:1 NEWLINE ENDMARKER"},
    {"if a:\n\n    # comment\n    b\n  # odd comment\n\nc\n",
     "'if' NAME:a ':' NEWLINE INDENT NAME:b NEWLINE DEDENT NAME:c NEWLINE ENDMARKER"},
    {"# only\n\n   \n", "ENDMARKER"},
    {"", "ENDMARKER"},
    {"\n\n", "ENDMARKER"},
    {"x = (1,\n     2)\ny",
     "NAME:x '=' '(' NUMBER:1 ',' NUMBER:2 ')' NEWLINE NAME:y NEWLINE ENDMARKER"},
    {"x = [\n  1,\n\n]\n", "NAME:x '=' '[' NUMBER:1 ',' ']' NEWLINE ENDMARKER"},
    {"d = {\n\"a\": 1}\n", "NAME:d '=' '{' STRING:\"a\" ':' NUMBER:1 '}' NEWLINE ENDMARKER"},
    {"x = 1 + \\\n    2\n", "NAME:x '=' NUMBER:1 '+' NUMBER:2 NEWLINE ENDMARKER"},
    {"if x:\n\tpass\n", "'if' NAME:x ':' NEWLINE INDENT 'pass' NEWLINE DEDENT ENDMARKER"},
    {"a;b;\n", "NAME:a ';' NAME:b ';' NEWLINE ENDMARKER"},
    {"x  # comment\ny\n", "NAME:x NEWLINE NAME:y NEWLINE ENDMARKER"},
    {"+ - * / // % ** @ << >> & | ^ ~ < > <= >= == != -> := . ... , : ; = += -= *= /= //= %= **= "
     "@= >>= <<= &= |= ^=\n"
     "",
     "'+' '-' '*' '/' '//' '%' '**' '@' '<<' '>>' '&' '|' '^' '~' '<' '>' '<=' '>=' '==' '!=' '->' "
     "':=' '.' '...' ',' ':' ';' '=' '+=' '-=' '*=' '/=' '//=' '%=' '**=' '@=' '>>=' '<<=' '&=' "
     "'|=' '^=' NEWLINE ENDMARKER"},
    {"( ) [ ] { }\n", "'(' ')' '[' ']' '{' '}' NEWLINE ENDMARKER"},
    {"x.y(z)[0]\n", "NAME:x '.' NAME:y '(' NAME:z ')' '[' NUMBER:0 ']' NEWLINE ENDMARKER"},
    {"a if b else c\n", "NAME:a 'if' NAME:b 'else' NAME:c NEWLINE ENDMARKER"},
    {"lambda: None\n", "'lambda' ':' 'None' NEWLINE ENDMARKER"},
    {"not a and b or c is not d in e\n",
     "'not' NAME:a 'and' NAME:b 'or' NAME:c 'is' 'not' NAME:d 'in' NAME:e NEWLINE ENDMARKER"},
    {"False None True and as assert async await break class continue def del elif else except "
     "finally for from global if import in is lambda nonlocal not or pass raise return try while "
     "with yield\n"
     "",
     "'False' 'None' 'True' 'and' 'as' 'assert' 'async' 'await' 'break' 'class' 'continue' 'def' "
     "'del' 'elif' 'else' 'except' 'finally' 'for' 'from' 'global' 'if' 'import' 'in' 'is' "
     "'lambda' 'nonlocal' 'not' 'or' 'pass' 'raise' 'return' 'try' 'while' 'with' 'yield' NEWLINE "
     "ENDMARKER"},
    {"iffy elsewhere _x __y x1 x_1\n",
     "NAME:iffy NAME:elsewhere NAME:_x NAME:__y NAME:x1 NAME:x_1 NEWLINE ENDMARKER"},
    {"\303\251 = \303\261\n", "NAME:\303\251 '=' NAME:\303\261 NEWLINE ENDMARKER"},
    {"\345\244\211\346\225\260 = 1\n",
     "NAME:\345\244\211\346\225\260 '=' NUMBER:1 NEWLINE ENDMARKER"},
    {"0 1 123 1_000 0x1f 0XAB 0o17 0O7 0b101 0B1 0_0 00\n",
     "NUMBER:0 NUMBER:1 NUMBER:123 NUMBER:1_000 NUMBER:0x1f NUMBER:0XAB NUMBER:0o17 NUMBER:0O7 "
     "NUMBER:0b101 NUMBER:0B1 NUMBER:0_0 NUMBER:00 NEWLINE ENDMARKER"},
    {"1.5 1. .5 1e10 1E-5 1.5e+3 1_0.0_1 0.0 1e1_0\n",
     "NUMBER:1.5 NUMBER:1. NUMBER:.5 NUMBER:1e10 NUMBER:1E-5 NUMBER:1.5e+3 NUMBER:1_0.0_1 "
     "NUMBER:0.0 NUMBER:1e1_0 NEWLINE ENDMARKER"},
    {"1j 1.5J 1e3j .5j 0j\n",
     "NUMBER:1j NUMBER:1.5J NUMBER:1e3j NUMBER:.5j NUMBER:0j NEWLINE ENDMARKER"},
    {"1if x else 2\n", "NUMBER:1 'if' NAME:x 'else' NUMBER:2 NEWLINE ENDMARKER"},
    {"0x1for\n", "NUMBER:0x1f 'or' NEWLINE ENDMARKER"},
    {"\"a\" 'b' \"\"\"c\"\"\" '''d'''\n",
     "STRING:\"a\" STRING:'b' STRING:\"\"\"c\"\"\" STRING:'''d''' NEWLINE ENDMARKER"},
    {"r\"x\" R\"x\" b\"x\" B\"x\" u\"x\" U\"x\" f\"x\" F\"x\" rb\"x\" bR\"x\" Rb\"x\" BR\"x\" "
     "rf\"x\" fR\"x\" Fr\"x\"\n"
     "",
     "STRING:r\"x\" STRING:R\"x\" STRING:b\"x\" STRING:B\"x\" STRING:u\"x\" STRING:U\"x\" "
     "STRING:f\"x\" STRING:F\"x\" STRING:rb\"x\" STRING:bR\"x\" STRING:Rb\"x\" STRING:BR\"x\" "
     "STRING:rf\"x\" STRING:fR\"x\" STRING:Fr\"x\" NEWLINE ENDMARKER"},
    {"\"\"\"a\nb\nc\"\"\"\n", "STRING:\"\"\"a\nb\nc\"\"\" NEWLINE ENDMARKER"},
    {"\"a\\\nb\"\n", "STRING:\"a\\\nb\" NEWLINE ENDMARKER"},
    {"\"\\\"\" '\\''\n", "STRING:\"\\\"\" STRING:'\\'' NEWLINE ENDMARKER"},
    {"\"\"\n", "STRING:\"\" NEWLINE ENDMARKER"},
    {"''''''\n", "STRING:'''''' NEWLINE ENDMARKER"},
    {"ur\"x\"\n", "NAME:ur STRING:\"x\" NEWLINE ENDMARKER"},
    {"x = \"\"\"\n  indented\n\"\"\"\ny\n",
     "NAME:x '=' STRING:\"\"\"\n  indented\n\"\"\" NEWLINE NAME:y NEWLINE ENDMARKER"},
    {"class A:\n    def f(self):\n        return 1\n\n    def g(self):\n        pass\n",
     "'class' NAME:A ':' NEWLINE INDENT 'def' NAME:f '(' NAME:self ')' ':' NEWLINE INDENT 'return' "
     "NUMBER:1 NEWLINE DEDENT 'def' NAME:g '(' NAME:self ')' ':' NEWLINE INDENT 'pass' NEWLINE "
     "DEDENT DEDENT ENDMARKER"},
    {"try:\n  x\nexcept E as e:\n  y\nfinally:\n  z\n",
     "'try' ':' NEWLINE INDENT NAME:x NEWLINE DEDENT 'except' NAME:E 'as' NAME:e ':' NEWLINE "
     "INDENT NAME:y NEWLINE DEDENT 'finally' ':' NEWLINE INDENT NAME:z NEWLINE DEDENT ENDMARKER"},
    {"x = 1\015\ny = 2\015\n", "NAME:x '=' NUMBER:1 NEWLINE NAME:y '=' NUMBER:2 NEWLINE ENDMARKER"},
    {"if x:\015\n  y\015\n", "'if' NAME:x ':' NEWLINE INDENT NAME:y NEWLINE DEDENT ENDMARKER"},
    {"x = 1\015y = 2\015",
     // (tokenize, unlike CPython's compiler, does not read a lone \r as a newline)
     "NAME:x '=' NUMBER:1 NEWLINE NAME:y '=' NUMBER:2 NEWLINE ENDMARKER"},
    {"if x:\n  \\\n  y\n", "'if' NAME:x ':' NEWLINE INDENT NAME:y NEWLINE DEDENT ENDMARKER"},
    {"x\n", "NAME:x NEWLINE ENDMARKER"},
    {"f(a,\n  b,\n)\n", "NAME:f '(' NAME:a ',' NAME:b ',' ')' NEWLINE ENDMARKER"},
    {"x = 1\n\014\ny = 2\n", "NAME:x '=' NUMBER:1 NEWLINE NAME:y '=' NUMBER:2 NEWLINE ENDMARKER"},
    {"@dec\ndef f(): pass\n",
     "'@' NAME:dec NEWLINE 'def' NAME:f '(' ')' ':' 'pass' NEWLINE ENDMARKER"},
    {"print(*a, **k)\n", "NAME:print '(' '*' NAME:a ',' '**' NAME:k ')' NEWLINE ENDMARKER"},
    {"x[1:2, ::3]\n",
     "NAME:x '[' NUMBER:1 ':' NUMBER:2 ',' ':' ':' NUMBER:3 ']' NEWLINE ENDMARKER"},
};

// CPython 3.11's messages and positions (compile()).
static const ErrCase lex_errors[] = {
    {"if x:\n    a\n  b\n", "IndentationError",
     "unindent does not match any outer indentation level", 3, 4},
    {"if x:\n\ta\n        b\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3,
     1},
    {"if x:\n        a\n\tb\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3,
     1},
    {"if x:\n  \ta\n\t  b\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3,
     1},
    {"x = \"abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5},
    {"x = '''abc\n\ndef\n", "SyntaxError",
     "unterminated triple-quoted string literal (detected at line 3)", 1, 5},
    {"'''\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1,
     1},
    {"x = \"abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5},
    {"x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5},
    {"x = )", "SyntaxError", "unmatched ')'", 1, 5},
    {"(a ]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 4},
    {"(\n]", "SyntaxError",
     "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1},
    {"x = [1, 2}\n", "SyntaxError",
     "closing parenthesis '}' does not match opening parenthesis '['", 1, 10},
    {"}\n", "SyntaxError", "unmatched '}'", 1, 1},
    {"x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5},
    {"x = 0777\n", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 5},
    {"x = 09\n", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 5},
    {"x = 0_7\n", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 5},
    {"x = 0b102\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 9},
    {"x = 0o8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 7},
    {"x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 6},
    {"x = 0x_\n", "SyntaxError", "invalid hexadecimal literal", 1, 7},
    {"x = 0b\n", "SyntaxError", "invalid binary literal", 1, 6},
    {"x = 0b1_\n", "SyntaxError", "invalid binary literal", 1, 8},
    {"x = 0b1a\n", "SyntaxError", "invalid binary literal", 1, 7},
    {"x = 0o7a\n", "SyntaxError", "invalid octal literal", 1, 7},
    {"x = 0xfg\n", "SyntaxError", "invalid hexadecimal literal", 1, 7},
    {"x = 1_\n", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 1__0\n", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 1__\n", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 1_a\n", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 1e\n", "SyntaxError", "invalid decimal literal", 1, 5},
    {"x = 1e5e5\n", "SyntaxError", "invalid decimal literal", 1, 7},
    {"x = 1.5_\n", "SyntaxError", "invalid decimal literal", 1, 8},
    {"x = 1.e\n", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 0e\n", "SyntaxError", "invalid decimal literal", 1, 5},
    {"x = 1jx\n", "SyntaxError", "invalid imaginary literal", 1, 6},
    {"x = 1e1x\n", "SyntaxError", "invalid decimal literal", 1, 7},
    {"x = 1.5x\n", "SyntaxError", "invalid decimal literal", 1, 7},
    {"x = 1e+\n", "SyntaxError", "invalid decimal literal", 1, 7},
    {"a \\ b\n", "SyntaxError", "unexpected character after line continuation character", 1, 4},
    {"a = 1 \\\n", "SyntaxError", "unexpected EOF while parsing", 1, 8},
    {"a = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8},
    {"x\342\202\254 = 1\n", "SyntaxError", "invalid character '\342\202\254' (U+20AC)", 1, 2},
    {"\342\202\254\n", "SyntaxError", "invalid character '\342\202\254' (U+20AC)", 1, 1},
    {"x = 1 \302\261\n", "SyntaxError", "invalid character '\302\261' (U+00B1)", 1, 7},
    {"x = 1\013\n", "SyntaxError", "invalid non-printable character U+000B", 1, 6},
    {"x = a\001b\n", "SyntaxError", "invalid non-printable character U+0001", 1, 6},
    {"x = 1\177\n", "SyntaxError", "invalid non-printable character U+007F", 1, 6},
    {"((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
     "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
     "((((((((((((((())))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
     ")))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
     "))))))))))))))))))))))))))))))",
     "SyntaxError", "too many nested parentheses", 1, 201},
    {"if 1:\n if 1:\n  if 1:\n   if 1:\n    if 1:\n     if 1:\n      if 1:\n       if 1:\n        "
     "if 1:\n"
     "         if 1:\n"
     "          if 1:\n"
     "           if 1:\n"
     "            if 1:\n"
     "             if 1:\n"
     "              if 1:\n"
     "               if 1:\n"
     "                if 1:\n"
     "                 if 1:\n"
     "                  if 1:\n"
     "                   if 1:\n"
     "                    if 1:\n"
     "                     if 1:\n"
     "                      if 1:\n"
     "                       if 1:\n"
     "                        if 1:\n"
     "                         if 1:\n"
     "                          if 1:\n"
     "                           if 1:\n"
     "                            if 1:\n"
     "                             if 1:\n"
     "                              if 1:\n"
     "                               if 1:\n"
     "                                if 1:\n"
     "                                 if 1:\n"
     "                                  if 1:\n"
     "                                   if 1:\n"
     "                                    if 1:\n"
     "                                     if 1:\n"
     "                                      if 1:\n"
     "                                       if 1:\n"
     "                                        if 1:\n"
     "                                         if 1:\n"
     "                                          if 1:\n"
     "                                           if 1:\n"
     "                                            if 1:\n"
     "                                             if 1:\n"
     "                                              if 1:\n"
     "                                               if 1:\n"
     "                                                if 1:\n"
     "                                                 if 1:\n"
     "                                                  if 1:\n"
     "                                                   if 1:\n"
     "                                                    if 1:\n"
     "                                                     if 1:\n"
     "                                                      if 1:\n"
     "                                                       if 1:\n"
     "                                                        if 1:\n"
     "                                                         if 1:\n"
     "                                                          if 1:\n"
     "                                                           if 1:\n"
     "                                                            if 1:\n"
     "                                                             if 1:\n"
     "                                                              if 1:\n"
     "                                                               if 1:\n"
     "                                                                if 1:\n"
     "                                                                 if 1:\n"
     "                                                                  if 1:\n"
     "                                                                   if 1:\n"
     "                                                                    if 1:\n"
     "                                                                     if 1:\n"
     "                                                                      if 1:\n"
     "                                                                       if 1:\n"
     "                                                                        if 1:\n"
     "                                                                         if 1:\n"
     "                                                                          if 1:\n"
     "                                                                           if 1:\n"
     "                                                                            if 1:\n"
     "                                                                             if 1:\n"
     "                                                                              if 1:\n"
     "                                                                               if 1:\n"
     "                                                                                if 1:\n"
     "                                                                                 if 1:\n"
     "                                                                                  if 1:\n"
     "                                                                                   if 1:\n"
     "                                                                                    if 1:\n"
     "                                                                                     if 1:\n"
     "                                                                                      if 1:\n"
     "                                                                                       if "
     "1:\n"
     "                                                                                        if "
     "1:\n"
     "                                                                                         if "
     "1:\n"
     "                                                                                          if "
     "1:\n"
     "                                                                                           "
     "if 1:\n"
     "                                                                                            "
     "if 1:\n"
     "                                                                                             "
     "if 1:\n"
     "                                                                                             "
     " if 1:\n"
     "                                                                                             "
     "  if 1:\n"
     "                                                                                             "
     "   if 1:\n"
     "                                                                                             "
     "    if 1:\n"
     "                                                                                             "
     "     if 1:\n"
     "                                                                                             "
     "      if 1:\n"
     "                                                                                             "
     "       if 1:\n"
     "                                                                                             "
     "        pass\n"
     "",
     "IndentationError", "too many levels of indentation", 101, 1},
};

START_TEST(test_tokens)
{
    ck_assert_str_eq(lex(lex_cases[_i].src, 0), lex_cases[_i].tokens);
}
END_TEST

START_TEST(test_errors)
{
    char want[512];
    const ErrCase *c = &lex_errors[_i];
    snprintf(want, sizeof want, "%s: %s @%d,%d", c->kind, c->msg, c->lineno, c->offset);
    const char *got = strstr(lex(c->src, 0), "ERROR ");
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got + 6, want);
}
END_TEST

START_TEST(test_layout)
{
    // The end of input closes the line and every block.
    ck_assert_str_eq(lex("if a:\n  if b:\n    c", 0),
                     "'if' NAME:a ':' NEWLINE INDENT 'if' NAME:b ':' NEWLINE INDENT NAME:c NEWLINE "
                     "DEDENT DEDENT ENDMARKER");
    // A dedent to several levels at once, then an indent again.
    ck_assert_str_eq(
        lex("a:\n b:\n  c:\n   d\ne\n f\n", 0),
        "NAME:a ':' NEWLINE INDENT NAME:b ':' NEWLINE INDENT NAME:c ':' NEWLINE INDENT "
        "NAME:d NEWLINE DEDENT DEDENT DEDENT NAME:e NEWLINE INDENT NAME:f NEWLINE DEDENT "
        "ENDMARKER");
    // Tabs count to the next multiple of 8; consistent use is fine.
    ck_assert_str_eq(lex("a\n\tb\n\t\tc\n\td\n", 0),
                     "NAME:a NEWLINE INDENT NAME:b NEWLINE INDENT NAME:c NEWLINE DEDENT NAME:d "
                     "NEWLINE DEDENT ENDMARKER");
    // Lines of blanks and comments, at any indentation, produce nothing.
    ck_assert_str_eq(lex("a\n      # x\n\n\t\n b\n", 0),
                     "NAME:a NEWLINE INDENT NAME:b NEWLINE DEDENT ENDMARKER");
    // Brackets join lines and hide their indentation; so does a backslash.
    ck_assert_str_eq(lex("f(a,\nb)\nc = [\n    1\n  ]\nd = 1 + \\\n        2\n", 0),
                     "NAME:f '(' NAME:a ',' NAME:b ')' NEWLINE NAME:c '=' '[' NUMBER:1 ']' NEWLINE "
                     "NAME:d '=' NUMBER:1 '+' NUMBER:2 NEWLINE ENDMARKER");
    // CPython 3.11 goes on measuring indentation after a backslash at the
    // start of a line.
    ck_assert_str_eq(lex("x\n\\\n  y\n", 0),
                     "NAME:x NEWLINE INDENT NAME:y NEWLINE DEDENT ENDMARKER");
    // A form feed resets the indentation count.
    ck_assert_str_eq(lex("a\n  \fb\n", 0), "NAME:a NEWLINE NAME:b NEWLINE ENDMARKER");
    // A byte order mark is skipped.
    ck_assert_str_eq(lex("\xef\xbb\xbfx", 0), "NAME:x NEWLINE ENDMARKER");
    // 200 nested brackets are allowed.
    char deep[402];
    memset(deep, '(', 200);
    memset(deep + 200, ')', 200);
    deep[400] = 0;
    ck_assert_ptr_null(strstr(lex(deep, 0), "ERROR"));
    // Unknown characters are error tokens, left to the parser.
    ck_assert_str_eq(lex("a $ ? ! `", 0),
                     "NAME:a ERRORTOKEN ERRORTOKEN ERRORTOKEN ERRORTOKEN NEWLINE ENDMARKER");
}
END_TEST

START_TEST(test_interactive)
{
    // An empty line ends the statement: DEDENTs to column 0, then NEWLINE.
    ck_assert_str_eq(lex("if x:\n  y\n\n", KAA_LEX_INTERACTIVE),
                     "'if' NAME:x ':' NEWLINE INDENT NAME:y NEWLINE DEDENT NEWLINE ENDMARKER");
    // Without it the block stays open: no DEDENT at the end.
    ck_assert_str_eq(lex("if x:\n  y\n", KAA_LEX_INTERACTIVE),
                     "'if' NAME:x ':' NEWLINE INDENT NAME:y NEWLINE ENDMARKER");
    // A line of blanks is not empty.
    ck_assert_str_eq(lex("if x:\n  y\n  \n", KAA_LEX_INTERACTIVE),
                     "'if' NAME:x ':' NEWLINE INDENT NAME:y NEWLINE ENDMARKER");
    ck_assert_str_eq(lex("\n", KAA_LEX_INTERACTIVE), "NEWLINE ENDMARKER");
    // Inside brackets an empty line is nothing special.
    ck_assert_str_eq(lex("x = (1,\n\n2)\n", KAA_LEX_INTERACTIVE),
                     "NAME:x '=' '(' NUMBER:1 ',' NUMBER:2 ')' NEWLINE ENDMARKER");
}
END_TEST

START_TEST(test_incomplete_kinds)
{
    // The driver turns these into "incomplete" in the REPL.
    static const struct {
        const char *src;
        KaaLexError kind;
    } cases[] = {
        {"x = (1,\n", KAA_LEXERR_EOF_PAREN},   {"x = '''abc\n", KAA_LEXERR_EOF_STRING},
        {"x = 1 + \\\n", KAA_LEXERR_EOF_CONT}, {"x = 'abc\n", KAA_LEXERR_SYNTAX},
        {"x = 1 +\\ 2\n", KAA_LEXERR_LAYOUT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        KaaLexer lx;
        KaaSyntaxError err;
        KaaToken t;
        ck_assert_int_eq(kaa_lexer_init(&lx, cases[i].src, strlen(cases[i].src), 0, &err), 0);
        while (kaa_lexer_next(&lx, &t) > 0) {
        }
        ck_assert_int_eq(lx.errkind, cases[i].kind);
        // errors are sticky
        ck_assert_int_eq(kaa_lexer_next(&lx, &t), -1);
        kaa_lexer_fini(&lx);
    }
}
END_TEST

START_TEST(test_null_bytes)
{
    char out[256];
    lex_all("x = 1\ny = \0 2\n", 13, 0, out, sizeof out);
    ck_assert_str_eq(out, "ERROR SyntaxError: source code cannot contain null bytes @2,5");
}
END_TEST

// The tokens of src, one by one, for position checks.
static int lex_tokens(const char *src, KaaToken *toks, int max)
{
    KaaLexer lx;
    KaaSyntaxError err;
    int n = 0, type;
    ck_assert_int_eq(kaa_lexer_init(&lx, src, strlen(src), 0, &err), 0);
    do {
        type = kaa_lexer_next(&lx, &toks[n]);
        ck_assert_int_ge(type, 0);
        toks[n].type = type;
        toks[n].z = NULL; // the buffer goes away with the lexer
    } while (type > 0 && ++n < max);
    kaa_lexer_fini(&lx);
    return n + 1;
}

#define ck_assert_pos(t, ty, l, c, el, ec)                                                         \
    do {                                                                                           \
        ck_assert_int_eq((t).type, ty);                                                            \
        ck_assert_int_eq((t).lineno, l);                                                           \
        ck_assert_int_eq((t).col, c);                                                              \
        ck_assert_int_eq((t).end_lineno, el);                                                      \
        ck_assert_int_eq((t).end_col, ec);                                                         \
    } while (0)

START_TEST(test_positions)
{
    KaaToken t[32];
    // Columns are byte offsets (é is two bytes), as in CPython's AST.
    int n = lex_tokens("if a:\n    bb = 'é'\n", t, 32);
    ck_assert_int_eq(n, 11);
    ck_assert_pos(t[0], TK_IF, 1, 0, 1, 2);
    ck_assert_pos(t[3], TK_NEWLINE, 1, 5, 1, 6);
    ck_assert_pos(t[4], TK_INDENT, 2, 4, 2, 4);
    ck_assert(t[4].flags & KAA_TOKF_NOTEXT);
    ck_assert_pos(t[5], TK_NAME, 2, 4, 2, 6);
    ck_assert_pos(t[7], TK_STRING, 2, 9, 2, 13);
    ck_assert_pos(t[8], TK_NEWLINE, 2, 13, 2, 14);
    // What follows the last line stands on it, past its newline.
    ck_assert_pos(t[9], TK_DEDENT, 2, 14, 2, 14);
    ck_assert_pos(t[10], 0, 2, 14, 2, 14);
    // A string over several lines; a missing final newline is implied.
    n = lex_tokens("x = '''a\nbc\nd''' + 1", t, 32);
    ck_assert_int_eq(n, 7);
    ck_assert_pos(t[2], TK_STRING, 1, 4, 3, 4);
    ck_assert_pos(t[4], TK_NUMBER, 3, 7, 3, 8);
    ck_assert_pos(t[5], TK_NEWLINE, 3, 8, 3, 9);
    ck_assert_pos(t[6], 0, 3, 9, 3, 9);
    // Tokens on a line after a backslash continuation.
    n = lex_tokens("a = \\\n  b", t, 32);
    ck_assert_pos(t[2], TK_NAME, 2, 2, 2, 3);
}
END_TEST

START_TEST(test_numbers)
{
    static const struct {
        const char *src;
        unsigned kind;
    } cases[] = {
        {"1", KAA_TOKF_INT},      {"0", KAA_TOKF_INT},
        {"0x1F", KAA_TOKF_INT},   {"0o17", KAA_TOKF_INT},
        {"0b1_0", KAA_TOKF_INT},  {"1_000", KAA_TOKF_INT},
        {"1.5", KAA_TOKF_FLOAT},  {"1.", KAA_TOKF_FLOAT},
        {".5", KAA_TOKF_FLOAT},   {"1e3", KAA_TOKF_FLOAT},
        {"1E-3", KAA_TOKF_FLOAT}, {"0e0", KAA_TOKF_FLOAT},
        {"09.5", KAA_TOKF_FLOAT}, {"1_0.0_1e+1_0", KAA_TOKF_FLOAT},
        {"1j", KAA_TOKF_IMAG},    {"1.5J", KAA_TOKF_IMAG},
        {".5j", KAA_TOKF_IMAG},   {"1e3j", KAA_TOKF_IMAG},
        {"00j", KAA_TOKF_IMAG},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        KaaToken t[4];
        lex_tokens(cases[i].src, t, 4);
        ck_assert_int_eq(t[0].type, TK_NUMBER);
        ck_assert_uint_eq(t[0].flags & (KAA_TOKF_INT | KAA_TOKF_FLOAT | KAA_TOKF_IMAG),
                          cases[i].kind);
        ck_assert_int_eq(t[0].n, (int)strlen(cases[i].src));
    }
}
END_TEST

// Decode the value of the single string literal src; NULL and the message in
// msg on an error.
static const char *decode(const char *src, size_t *len, char *msg, size_t msgsize)
{
    static char out[256];
    KaaLexer lx;
    KaaSyntaxError err;
    KaaToken t;
    ck_assert_int_eq(kaa_lexer_init(&lx, src, strlen(src), 0, &err), 0);
    ck_assert_int_eq(kaa_lexer_next(&lx, &t), TK_STRING);
    size_t n;
    const char *body = kaa_lexer_string_body(&t, &n);
    int r = kaa_lexer_unescape(body, n, t.flags, out, len, msg, msgsize);
    kaa_lexer_fini(&lx);
    return r < 0 ? NULL : out;
}

START_TEST(test_string_values)
{
    static const struct {
        const char *src, *value;
        size_t len;
    } cases[] = {
        {"'abc'", "abc", 3},
        {"\"a\\nb\"", "a\nb", 3},
        {"'\\\\ \\' \\\" \\a \\b \\f \\n \\r \\t \\v'", "\\ ' \" \a \b \f \n \r \t \v", 19},
        {"'\\0\\7\\101\\777'",
         "\0\a"
         "A\307\277",
         5},
        {"'\\x41\\xe9'", "A\303\251", 3},
        {"'\\u00e9\\u20ac'", "\303\251\342\202\254", 5},
        {"'\\U0001F600'", "\360\237\230\200", 4},
        {"b'\\x00\\xff\\777\\u1234\\N'", "\0\377\377\\u1234\\N", 11},
        {"r'\\n\\x'", "\\n\\x", 4},
        {"rb'\\x00'", "\\x00", 4},
        {"'''a\nb'''", "a\nb", 3},
        {"'''a\r\nb'''", "a\nb", 3},
        {"'a\\\nb'", "ab", 2},
        {"'\\q\\d'", "\\q\\d", 4},
        {"'é'", "\303\251", 2},
        {"''", "", 0},
        {"\"\"\"'\"\"\"", "'", 1},
        {"f'a{x}b\\n'", "a{x}b\n", 6}, // the f-string body is decoded by strings.c
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char msg[200];
        size_t len;
        const char *v = decode(cases[i].src, &len, msg, sizeof msg);
        ck_assert_msg(v != NULL, "%s: %s", cases[i].src, msg);
        ck_assert_uint_eq(len, cases[i].len);
        ck_assert_mem_eq(v, cases[i].value, len);
    }
}
END_TEST

START_TEST(test_string_errors)
{
    static const struct {
        const char *src, *msg;
    } cases[] = {
        {"'\\x4'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
                   "truncated \\xXX escape"},
        {"'ab\\x4g'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: "
                      "truncated \\xXX escape"},
        {"'\\u12'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: "
                    "truncated \\uXXXX escape"},
        {"'\\U00110000'", "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                          "0-9: illegal Unicode character"},
        {"'\\N{DASH}'", "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "0-1: \\N{...} escapes are not supported by kaa"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char msg[200];
        size_t len;
        ck_assert_ptr_null(decode(cases[i].src, &len, msg, sizeof msg));
        ck_assert_str_eq(msg, cases[i].msg);
    }
}
END_TEST

START_TEST(test_garbage)
{
    // Any bytes: the lexer ends with a token stream or an error, never a crash.
    unsigned seed = 12345;
    char src[64], out[8192];
    for (int i = 0; i < 20000; i++) {
        size_t n = 0;
        seed = seed * 1103515245 + 12345;
        n = (seed >> 16) % sizeof src;
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245 + 12345;
            int r = (int)((seed >> 16) % 40);
            src[k] = r < 24 ? " \t\n\\'\"#(){}[]:,.01xeEj_=+"[r] : (char)(seed >> 8);
        }
        lex_all(src, n, (unsigned)i & KAA_LEX_INTERACTIVE, out, sizeof out);
        ck_assert(strstr(out, "ENDMARKER") || strstr(out, "ERROR"));
    }
}
END_TEST

static Suite *lexer_suite(void)
{
    Suite *s = suite_create("lexer");
    TCase *tc = tcase_create("tokens");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_tokens, 0, (int)(sizeof lex_cases / sizeof lex_cases[0]));
    tcase_add_test(tc, test_layout);
    tcase_add_test(tc, test_interactive);
    tcase_add_test(tc, test_positions);
    tcase_add_test(tc, test_numbers);
    suite_add_tcase(s, tc);

    tc = tcase_create("strings");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_string_values);
    tcase_add_test(tc, test_string_errors);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof lex_errors / sizeof lex_errors[0]));
    tcase_add_test(tc, test_incomplete_kinds);
    tcase_add_test(tc, test_null_bytes);
    tcase_add_test(tc, test_garbage);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(lexer_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
