# golden: full-stderr
# Each frame's failing line is one whole call, so CPython 3.11 prints no
# column markers under any of them.
def measure(v):
    print('measuring', v)
    len(v)
def run(v):
    measure(v)
run('text')
run(12)
print('never printed')
