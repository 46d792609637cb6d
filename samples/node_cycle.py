# A self-referencing class: each Node refers to itself, so deleting the
# last name does not free it; the cycle collector does.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.self_ref = self


gc.collect()
node = Node(10)
print("node.self_ref is node:", node.self_ref is node)
print("tracked by the collector:", gc.is_tracked(node))
del node
print("collected:", gc.collect())

# Attributes live inline in the instance (CPython 3.11): one object. Reading
# __dict__ creates a real dict, and the cycle becomes two objects.
node = Node(20)
print(node.__dict__.keys())
del node
print("collected with a __dict__:", gc.collect())

# A parent and a child that point at each other.
parent = Node("parent")
parent.child = Node("child")
parent.child.parent = parent
del parent
print("collected parent and child:", gc.collect())
