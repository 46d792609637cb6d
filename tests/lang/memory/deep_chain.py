# A million-node linked list of instances is freed without a crash, by
# refcounting and by the collector; a 100000-deep nested list too.
import gc

class Node:
    pass

def build(n):
    head = None
    for i in range(n):
        node = Node()
        node.next = head
        head = node
    return head

head = build(1000000)
print("built")
head = None
print("freed by refcount")

gc.collect()
ring = build(1000000)
last = ring
while last.next is not None:
    last = last.next
last.next = ring
del last
ring = None
print("collect:", gc.collect())

nested = []
cur = nested
for i in range(100000):
    new = []
    cur.append(new)
    cur = new
del cur
nested = None
print("nested list freed")

t = None
for i in range(100000):
    t = (t,)
t = None
print("nested tuple freed")
d = {}
cur = d
for i in range(100000):
    cur["k"] = {}
    cur = cur["k"]
del cur
d = None
print("nested dict freed")
