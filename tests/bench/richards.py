# Object-heavy method calls: a toy stack-machine interpreter built from
# instruction objects, plus a round-robin task scheduler with queues of packets.


class Machine:
    def __init__(self):
        self.stack = []
        self.pc = 0
        self.vars = [0] * 8
        self.steps = 0

    def push(self, v):
        self.stack.append(v)

    def pop(self):
        return self.stack.pop()

    def run(self, program):
        self.pc = 0
        n = len(program)
        while self.pc < n:
            ins = program[self.pc]
            self.pc += 1
            self.steps += 1
            ins.execute(self)
        return self.pop()


class Instr:
    def execute(self, m):
        raise NotImplementedError


class Const(Instr):
    def __init__(self, v):
        self.v = v

    def execute(self, m):
        m.push(self.v)


class Load(Instr):
    def __init__(self, slot):
        self.slot = slot

    def execute(self, m):
        m.push(m.vars[self.slot])


class Store(Instr):
    def __init__(self, slot):
        self.slot = slot

    def execute(self, m):
        m.vars[self.slot] = m.pop()


class BinOp(Instr):
    def execute(self, m):
        b = m.pop()
        a = m.pop()
        m.push(self.apply(a, b))


class Add(BinOp):
    def apply(self, a, b):
        return a + b


class Sub(BinOp):
    def apply(self, a, b):
        return a - b


class Mod(BinOp):
    def apply(self, a, b):
        return a % b


class Lt(BinOp):
    def apply(self, a, b):
        return 1 if a < b else 0


class JumpIfZero(Instr):
    def __init__(self, target):
        self.target = target

    def execute(self, m):
        if m.pop() == 0:
            m.pc = self.target


class Jump(Instr):
    def __init__(self, target):
        self.target = target

    def execute(self, m):
        m.pc = self.target


def make_program(limit):
    # i = 0; acc = 0
    # while i < limit: acc = (acc + 3 * i - 1) % 1000003; i = i + 1
    # result: acc
    return [
        Const(0), Store(0),                                        # 0, 1
        Const(0), Store(1),                                        # 2, 3
        Load(0), Const(limit), Lt(), JumpIfZero(25),               # 4..7
        Load(1), Load(0), Add(), Load(0), Add(), Load(0), Add(),   # 8..14
        Const(1), Sub(), Const(1000003), Mod(), Store(1),          # 15..19
        Load(0), Const(1), Add(), Store(0),                        # 20..23
        Jump(4),                                                   # 24
        Load(1),                                                   # 25
    ]


# ---- scheduler ----

class Packet:
    def __init__(self, kind, datum):
        self.kind = kind
        self.datum = datum
        self.link = None


class Queue:
    def __init__(self):
        self.head = None
        self.tail = None
        self.size = 0

    def put(self, p):
        p.link = None
        if self.tail is None:
            self.head = p
        else:
            self.tail.link = p
        self.tail = p
        self.size += 1

    def get(self):
        p = self.head
        if p is not None:
            self.head = p.link
            if self.head is None:
                self.tail = None
            self.size -= 1
        return p

    def empty(self):
        return self.head is None


class Task:
    def __init__(self, sched, ident, priority):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.inbox = Queue()
        self.handled = 0

    def runnable(self):
        return not self.inbox.empty()

    def step(self):
        p = self.inbox.get()
        self.handled += 1
        self.handle(p)

    def send(self, ident, p):
        self.sched.deliver(ident, p)


class Worker(Task):
    def handle(self, p):
        p.datum = (p.datum * 7 + self.ident) % 65521
        if p.datum & 1:
            self.send((self.ident + 1) % self.sched.nworkers, p)
        else:
            self.send(self.sched.nworkers, p)


class Sink(Task):
    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority)
        self.total = 0

    def handle(self, p):
        self.total = (self.total + p.datum) % 1000000007
        if p.kind > 0:
            p.kind -= 1
            self.send(p.datum % self.sched.nworkers, p)


class Scheduler:
    def __init__(self, nworkers):
        self.nworkers = nworkers
        self.tasks = [Worker(self, i, i % 3) for i in range(nworkers)]
        self.sink = Sink(self, nworkers, 5)
        self.tasks.append(self.sink)
        self.switches = 0

    def deliver(self, ident, p):
        self.tasks[ident].inbox.put(p)

    def run(self):
        busy = True
        while busy:
            busy = False
            for t in self.tasks:
                if t.runnable():
                    t.step()
                    self.switches += 1
                    busy = True
        return self.switches


m = Machine()
print("program result", m.run(make_program(48000)), "steps", m.steps)
s = Scheduler(10)
for i in range(1800):
    s.deliver(i % 10, Packet(40, i))
print("switches", s.run(), "sink", s.sink.total, "handled", [t.handled for t in s.tasks])
