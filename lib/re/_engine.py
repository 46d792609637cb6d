"""The matching engine of kaa's re module: a backtracking machine.

A compiled pattern is a list of instructions (tuples whose first item is an
opcode below) run by run(). Choices push entries on an explicit stack instead
of recursing, so the depth of Python calls does not grow with the subject.
The stack holds tuples whose first item is a BT_ kind:

  BT_BRANCH (pc, pos)            an alternative to resume when what follows fails;
  BT_UNDO (reg, old)             restore a register when backtracking past here;
  BT_UNDO_END (reg, old, last)   the same for a group's end mark, with lastindex;
  BT_GREEDY (pc, minpos, cur, ch)  a greedy single-character repeat that can
                                 give back characters (down to minpos); ch is
                                 the literal that must follow, or None;
  BT_LAZY (pc, cur, limit, kind, arg, ch)  a lazy one that can take more;
  BT_LOOK (negate, pc, pos)      a lookaround barrier (see LOOK);
  BT_ATOMIC ()                   an atomic group barrier.

Registers: regs[2*g] and regs[2*g+1] are the start and end of group g (-1
when unset). Each general loop uses two more: its iteration count, and where
its last optional iteration started (-1 before one, as sre's last_ptr); an
optional iteration that matched empty ends the loop. An undo entry is pushed
only when the stack is not empty: with no choice left, a failure ends the
attempt and nothing needs restoring.

The subject is always a str: bytes are decoded from latin-1 by the caller.
"""

# Opcodes, roughly by how often they run.
CHAR = 0        # (CHAR, ch)
STR = 1         # (STR, text, len)
SET = 2         # (SET, test)        test(ch) -> bool
ANY = 3         # (ANY,)             any character but '\n'
REPEAT_ONE = 4  # (REPEAT_ONE, kind, arg, min, max, mode, next_ch); max -1: no bound;
                #                    mode 1 greedy, 0 lazy, 2 possessive
SAVE = 5        # (SAVE, reg)
SPLIT = 6       # (SPLIT, first, second): try first, then second
JMP = 7         # (JMP, target)
ANY_ALL = 8     # (ANY_ALL,)
CHAR_I = 9      # (CHAR_I, folded, fold)
STR_I = 10      # (STR_I, folded, len, fold)
AT = 11         # (AT, kind, isword)
REP_INIT = 12   # (REP_INIT, reg)
REP_LOOP = 13   # (REP_LOOP, reg, min, max, greedy, exit)
REP_ENTER = 14  # (REP_ENTER, reg)
REP_NEXT = 15   # (REP_NEXT, reg, loop)
BACKREF = 16    # (BACKREF, reg, fold or None)
LOOK = 17       # (LOOK, negate, width or -1 for lookahead, continuation)
LOOK_END = 18   # (LOOK_END,)
ATOMIC = 19     # (ATOMIC,)
ATOMIC_END = 20  # (ATOMIC_END,)
EXISTS = 21     # (EXISTS, reg, no_pc)
MATCH = 22      # (MATCH,)

# Kinds of single-character items in REPEAT_ONE.
K_CHAR = 0      # arg: the character
K_ANY = 1       # any but '\n'
K_ALL = 2       # any
K_SET = 3       # arg: test(ch)

# AT kinds.
AT_BEGIN = 0
AT_BEGIN_LINE = 1
AT_END = 2
AT_END_LINE = 3
AT_END_STRING = 4
AT_BOUNDARY = 5
AT_NON_BOUNDARY = 6

BT_BRANCH = 0
BT_UNDO = 1
BT_UNDO_END = 2
BT_GREEDY = 3
BT_LAZY = 4
BT_LOOK = 5
BT_ATOMIC = 6


def item_matches(kind, arg, ch):
    if kind == K_CHAR:
        return ch == arg
    if kind == K_ANY:
        return ch != '\n'
    if kind == K_ALL:
        return True
    return arg(ch)


def run(prog, s, start, last, end, full, must_advance):
    """Match prog against s[:end] at start, then at each later position up to
    last (search). Return (regs, lastindex) for the first match, or None.
    full: the match must end at end; must_advance: a match at the first start
    position must not be empty."""
    code = prog.code
    init = prog.regs_init
    prefix = prog.prefix
    first = prog.first
    if start > last:
        return None
    first_start = start
    if start < last:
        # Skip to the first place where a match could begin.
        if prefix:
            start = s.find(prefix, start, end)
            if start < 0 or start > last:
                return None
        elif first is not None:
            while start < last and not first(s[start]):
                start += 1
            if start >= end:
                return None
    regs = init[:]
    stack = []
    push = stack.append
    pop = stack.pop
    pos = start
    pc = 0
    lastindex = -1
    while True:
        # Run forward until an instruction fails (break) or MATCH returns.
        while True:
            ins = code[pc]
            op = ins[0]
            if op == CHAR:
                if pos < end and s[pos] == ins[1]:
                    pos += 1
                    pc += 1
                    continue
                break
            if op == STR:
                if s.startswith(ins[1], pos, end):
                    pos += ins[2]
                    pc += 1
                    continue
                break
            if op == SET:
                if pos < end and ins[1](s[pos]):
                    pos += 1
                    pc += 1
                    continue
                break
            if op == ANY:
                if pos < end and s[pos] != '\n':
                    pos += 1
                    pc += 1
                    continue
                break
            if op == REPEAT_ONE:
                kind = ins[1]
                arg = ins[2]
                mx = ins[4]
                if mx < 0 or pos + mx > end:
                    limit = end
                else:
                    limit = pos + mx
                minpos = pos + ins[3]
                if minpos > limit:
                    break
                mode = ins[5]
                if mode:
                    # Greedy or possessive: take as many as possible.
                    i = pos
                    if kind == K_CHAR:
                        while i < limit and s[i] == arg:
                            i += 1
                    elif kind == K_ANY:
                        i = s.find('\n', pos, limit)
                        if i < 0:
                            i = limit
                    elif kind == K_ALL:
                        i = limit
                    else:
                        while i < limit and arg(s[i]):
                            i += 1
                    if i < minpos:
                        break
                    if mode == 1:
                        ch = ins[6]
                        if ch is not None and (i >= end or s[i] != ch):
                            # Give back up to the next place where ch follows.
                            i = s.rfind(ch, minpos, i)
                            if i < 0:
                                break
                        if i > minpos:
                            push((BT_GREEDY, pc + 1, minpos, i, ch))
                    pos = i
                    pc += 1
                    continue
                # Lazy: take the minimum, more on backtracking.
                i = pos
                if kind == K_CHAR:
                    while i < minpos and s[i] == arg:
                        i += 1
                elif kind == K_ANY:
                    i = s.find('\n', pos, minpos)
                    if i < 0:
                        i = minpos
                elif kind == K_ALL:
                    i = minpos
                else:
                    while i < minpos and arg(s[i]):
                        i += 1
                if i < minpos:
                    break
                if minpos < limit:
                    push((BT_LAZY, pc + 1, minpos, limit, kind, arg, ins[6]))
                pos = minpos
                pc += 1
                continue
            if op == SAVE:
                reg = ins[1]
                if reg & 1:
                    if stack:
                        push((BT_UNDO_END, reg, regs[reg], lastindex))
                    lastindex = reg >> 1
                elif stack:
                    push((BT_UNDO, reg, regs[reg]))
                regs[reg] = pos
                pc += 1
                continue
            if op == SPLIT:
                push((BT_BRANCH, ins[2], pos))
                pc = ins[1]
                continue
            if op == JMP:
                pc = ins[1]
                continue
            if op == ANY_ALL:
                if pos < end:
                    pos += 1
                    pc += 1
                    continue
                break
            if op == CHAR_I:
                if pos < end and ins[2](s[pos]) == ins[1]:
                    pos += 1
                    pc += 1
                    continue
                break
            if op == STR_I:
                n = ins[2]
                if pos + n > end:
                    break
                fold = ins[3]
                text = ins[1]
                i = 0
                while i < n and fold(s[pos + i]) == text[i]:
                    i += 1
                if i < n:
                    break
                pos += n
                pc += 1
                continue
            if op == AT:
                kind = ins[1]
                if kind == AT_BEGIN:
                    ok = pos == 0
                elif kind == AT_BEGIN_LINE:
                    ok = pos == 0 or s[pos - 1] == '\n'
                elif kind == AT_END:
                    ok = pos == end or (pos == end - 1 and s[pos] == '\n')
                elif kind == AT_END_LINE:
                    ok = pos == end or s[pos] == '\n'
                elif kind == AT_END_STRING:
                    ok = pos == end
                else:
                    if end == 0:
                        ok = False
                    else:
                        isword = ins[2]
                        before = pos > 0 and isword(s[pos - 1])
                        after = pos < end and isword(s[pos])
                        ok = (before != after) == (kind == AT_BOUNDARY)
                if ok:
                    pc += 1
                    continue
                break
            if op == REP_INIT:
                reg = ins[1]
                if stack:
                    push((BT_UNDO, reg, regs[reg]))
                    push((BT_UNDO, reg + 1, regs[reg + 1]))
                regs[reg] = 0
                regs[reg + 1] = -1
                pc += 1
                continue
            if op == REP_LOOP:
                # Decide whether to run the body again, as sre's MAX_UNTIL
                # and MIN_UNTIL do.
                reg = ins[1]
                count = regs[reg]
                if count < ins[2]:
                    # Not enough iterations yet: no choice.
                    pc += 2
                elif (ins[3] >= 0 and count >= ins[3]) or pos == regs[reg + 1]:
                    # The maximum, or the last optional iteration matched
                    # empty (another one would change nothing).
                    pc = ins[5]
                elif ins[4]:
                    push((BT_BRANCH, ins[5], pos))
                    pc += 1
                else:
                    push((BT_BRANCH, pc + 1, pos))
                    pc = ins[5]
                continue
            if op == REP_ENTER:
                # An optional iteration starts here.
                reg = ins[1] + 1
                if stack:
                    push((BT_UNDO, reg, regs[reg]))
                regs[reg] = pos
                pc += 1
                continue
            if op == REP_NEXT:
                reg = ins[1]
                if stack:
                    push((BT_UNDO, reg, regs[reg]))
                regs[reg] += 1
                pc = ins[2]
                continue
            if op == BACKREF:
                reg = ins[1]
                a = regs[reg]
                b = regs[reg + 1]
                if a < 0 or b < a:
                    break
                n = b - a
                fold = ins[2]
                if fold is None:
                    if not s.startswith(s[a:b], pos, end):
                        break
                else:
                    if pos + n > end:
                        break
                    i = 0
                    while i < n and fold(s[pos + i]) == fold(s[a + i]):
                        i += 1
                    if i < n:
                        break
                pos += n
                pc += 1
                continue
            if op == LOOK:
                width = ins[2]
                if width >= 0:
                    if pos < width:
                        # Not enough text behind: the body cannot match.
                        if ins[1]:
                            pc = ins[3]
                            continue
                        break
                    push((BT_LOOK, ins[1], ins[3], pos))
                    pos -= width
                else:
                    push((BT_LOOK, ins[1], ins[3], pos))
                pc += 1
                continue
            if op == LOOK_END:
                # The body matched: drop its choices, keep its undo entries.
                kept = []
                while True:
                    e = pop()
                    k = e[0]
                    if k == BT_LOOK:
                        break
                    if k == BT_UNDO or k == BT_UNDO_END:
                        kept.append(e)
                if e[1]:
                    # A negative lookaround whose body matched fails; undo
                    # what the body captured.
                    for u in kept:
                        regs[u[1]] = u[2]
                        if u[0] == BT_UNDO_END:
                            lastindex = u[3]
                    break
                if kept and stack:
                    kept.reverse()
                    stack.extend(kept)
                pos = e[3]
                pc = e[2]
                continue
            if op == ATOMIC:
                push((BT_ATOMIC,))
                pc += 1
                continue
            if op == ATOMIC_END:
                kept = []
                while True:
                    e = pop()
                    k = e[0]
                    if k == BT_ATOMIC:
                        break
                    if k == BT_UNDO or k == BT_UNDO_END:
                        kept.append(e)
                if kept and stack:
                    kept.reverse()
                    stack.extend(kept)
                pc += 1
                continue
            if op == EXISTS:
                reg = ins[1]
                if regs[reg] >= 0 and regs[reg + 1] >= regs[reg]:
                    pc += 1
                else:
                    pc = ins[2]
                continue
            if op == MATCH:
                if (full and pos != end) or (must_advance and pos == start
                                             and start == first_start):
                    break
                regs[0] = start
                regs[1] = pos
                return regs, lastindex
            raise AssertionError('bad opcode %r' % (op,))

        # Backtrack: pop entries until one gives a way forward.
        while True:
            if not stack:
                # No choice left: try the next start position.
                if start >= last:
                    return None
                start += 1
                if prefix:
                    start = s.find(prefix, start, end)
                    if start < 0 or start > last:
                        return None
                elif first is not None:
                    while start < last and not first(s[start]):
                        start += 1
                    if start >= end:
                        return None
                regs = init[:]
                lastindex = -1
                pos = start
                pc = 0
                break
            e = pop()
            k = e[0]
            if k == BT_BRANCH:
                pc = e[1]
                pos = e[2]
                break
            if k == BT_UNDO:
                regs[e[1]] = e[2]
                continue
            if k == BT_UNDO_END:
                regs[e[1]] = e[2]
                lastindex = e[3]
                continue
            if k == BT_GREEDY:
                minpos = e[2]
                ch = e[4]
                i = e[3] - 1
                if ch is not None:
                    i = s.rfind(ch, minpos, i + 1)
                    if i < 0:
                        continue
                if i > minpos:
                    push((BT_GREEDY, e[1], minpos, i, ch))
                pos = i
                pc = e[1]
                break
            if k == BT_LAZY:
                i = e[2]
                limit = e[3]
                kind = e[4]
                arg = e[5]
                ch = e[6]
                if i >= end or not item_matches(kind, arg, s[i]):
                    continue
                i += 1
                if ch is not None and (kind == K_ANY or kind == K_ALL):
                    # Jump to the next place where ch follows.
                    stop = limit + 1
                    if stop > end:
                        stop = end
                    j = s.find(ch, i, stop)
                    if j < 0:
                        continue
                    if kind == K_ANY and s.find('\n', i, j) >= 0:
                        continue
                    i = j
                if i < limit:
                    push((BT_LAZY, e[1], i, limit, kind, arg, ch))
                pos = i
                pc = e[1]
                break
            if k == BT_LOOK:
                if e[1]:
                    # The body of a negative lookaround failed: it succeeds.
                    pos = e[3]
                    pc = e[2]
                    break
                continue
            # BT_ATOMIC: the atomic group's body failed; keep failing.
