# Allocation of many small objects: building and discarding binary trees of
# instances, tuples and small lists.
class Node:
    def __init__(self, left, right, value):
        self.left = left
        self.right = right
        self.value = value


def make_tree(depth, value):
    if depth == 0:
        return Node(None, None, value)
    return Node(make_tree(depth - 1, 2 * value), make_tree(depth - 1, 2 * value + 1), value)


def check(node):
    if node.left is None:
        return node.value & 7
    return 1 + check(node.left) + check(node.right)


def make_tuple_tree(depth):
    if depth == 0:
        return (None, None)
    return (make_tuple_tree(depth - 1), make_tuple_tree(depth - 1))


def count_tuples(t):
    if t[0] is None:
        return 1
    return 1 + count_tuples(t[0]) + count_tuples(t[1])


def points(n):
    total = 0
    for i in range(n):
        p = (i, i + 1, [i, i * 2])
        q = (p[1], p[0], p[2][1])
        total += q[0] + q[2] - p[2][0]
    return total



def linked(n):
    head = None
    for i in range(n):
        head = [i, head]
    s = 0
    while head is not None:
        s += head[0]
        head = head[1]
    return s


def run():
    max_depth = 13
    long_lived = make_tree(max_depth, 1)
    total = 0
    depth = 4
    while depth <= max_depth:
        iterations = 1 << (max_depth - depth + 4)
        chk = 0
        for i in range(iterations):
            chk += check(make_tree(depth, i))
        print("depth", depth, "iterations", iterations, "check", chk)
        total += chk
        depth += 2
    print("long lived", check(long_lived))
    print("tuples", count_tuples(make_tuple_tree(17)))
    print("points", points(500000))
    print("linked", linked(500000))
    print("total", total)


run()
