/* The disassembler behind `kaa --dis`: one line per instruction, in the
 * layout of Python's dis module (line number, offset, name, argument and
 * what the argument means), then the nested code objects.
 */
#include <string.h>

#include "compile/compile.h"
#include "vm/vm.h"

static const char *const cmp_names[] = {"==", "!=", "<", "<=", ">", ">="};
static const char *const binop_names[] = {"+",  "-",  "*", "@", "/", "%", "**",
                                          "<<", ">>", "|", "^", "&", "//"};

static void print_arg_meaning(KaaCodeObject *co, int op, int arg, FILE *out)
{
    KaaObject *o = NULL;
    switch (op) {
    case OP_LOAD_CONST:
        o = KaaObject_Repr(KaaTuple_GET_ITEM(co->co_consts, arg));
        break;
    case OP_LOAD_NAME:
    case OP_STORE_NAME:
    case OP_DELETE_NAME:
    case OP_LOAD_GLOBAL:
    case OP_STORE_GLOBAL:
    case OP_DELETE_GLOBAL:
    case OP_LOAD_ATTR:
    case OP_STORE_ATTR:
    case OP_DELETE_ATTR:
    case OP_LOAD_METHOD:
        o = Kaa_NewRef(KaaTuple_GET_ITEM(co->co_names, arg));
        break;
    case OP_LOAD_FAST:
    case OP_STORE_FAST:
    case OP_DELETE_FAST:
    case OP_LOAD_DEREF:
    case OP_STORE_DEREF:
    case OP_DELETE_DEREF:
    case OP_LOAD_CLOSURE:
    case OP_LOAD_CLASSDEREF:
        o = Kaa_NewRef(KaaTuple_GET_ITEM(co->co_localsplusnames, arg));
        break;
    case OP_COMPARE_OP:
        fprintf(out, " (%s)", arg < 6 ? cmp_names[arg] : "?");
        return;
    case OP_BINARY_OP:
        fprintf(out, " (%s%s)", binop_names[arg & 15], (arg & KAA_NB_INPLACE) ? "=" : "");
        return;
    case OP_IS_OP:
        fprintf(out, " (%s)", arg ? "is not" : "is");
        return;
    case OP_CONTAINS_OP:
        fprintf(out, " (%s)", arg ? "not in" : "in");
        return;
    default:
        return;
    }
    if (o == NULL) {
        KaaErr_Clear();
        return;
    }
    fprintf(out, " (%s)", KaaStr_DATA(o));
    Kaa_DECREF(o);
}

static int has_arg(int op)
{
    switch (op) {
    case OP_NOP:
    case OP_POP_TOP:
    case OP_PUSH_NULL:
    case OP_UNARY_NEGATIVE:
    case OP_UNARY_POSITIVE:
    case OP_UNARY_INVERT:
    case OP_UNARY_NOT:
    case OP_BINARY_SUBSCR:
    case OP_STORE_SUBSCR:
    case OP_DELETE_SUBSCR:
    case OP_GET_ITER:
    case OP_RETURN_VALUE:
    case OP_PRINT_EXPR:
    case OP_LIST_TO_TUPLE:
        return 0;
    default:
        return 1;
    }
}

void kaa_dis_code(KaaCodeObject *co, FILE *out)
{
    int last_line = -1, arg = 0;
    for (int i = 0; i < co->co_ninstrs; i++) {
        int word = co->co_code[i];
        int op = word & 0xFF;
        arg = (arg << 8) | (word >> 8);
        int line = co->co_positions[i].lineno;
        if (line != last_line) {
            if (last_line != -1) {
                fputc('\n', out);
            }
            fprintf(out, "%4d", line);
            last_line = line;
        } else {
            fprintf(out, "    ");
        }
        fprintf(out, " %12d %-24s", i * 2, op < KAA_NUM_OPCODES ? kaa_opcode_names[op] : "?");
        if (has_arg(op)) {
            fprintf(out, " %4d", op == OP_EXTENDED_ARG ? (word >> 8) : arg);
            if (op != OP_EXTENDED_ARG) {
                print_arg_meaning(co, op, arg, out);
            }
        }
        fputc('\n', out);
        if (op != OP_EXTENDED_ARG) {
            arg = 0;
        }
    }
    if (co->co_nexc) {
        fprintf(out, "ExceptionTable:\n");
        for (int i = 0; i < co->co_nexc; i++) {
            KaaExcEntry *e = &co->co_exctable[i];
            fprintf(out, "  %d to %d -> %d [%d]%s\n", e->start * 2, (e->end - 1) * 2, e->target * 2,
                    e->depth, e->lasti ? " lasti" : "");
        }
    }
    for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(co->co_consts); i++) {
        KaaObject *c = KaaTuple_GET_ITEM(co->co_consts, i);
        if (KaaCode_Check(c)) {
            KaaCodeObject *inner = (KaaCodeObject *)c;
            fprintf(out, "\nDisassembly of <code object %s, line %d>:\n", KaaStr_DATA(inner->co_name),
                    inner->co_firstlineno);
            kaa_dis_code(inner, out);
        }
    }
}
