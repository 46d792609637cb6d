# Arguments are passed by object reference: mutation is visible, rebinding is not.
def append_one(lst):
    lst.append(1)
a = []
append_one(a)
append_one(a)
print(a)
def rebind(lst):
    lst = [99]
    return lst
b = [1, 2]
c = rebind(b)
print(b, c)
def set_key(d, k, v):
    d[k] = v
m = {}
set_key(m, 'x', 1)
set_key(m, 'y', [2])
print(m)
def clear_all(lst):
    while lst:
        lst.pop()
clear_all(a)
print(a)
def inc_int(n):
    n += 1
    return n
k = 5
print(inc_int(k), k)
def extend_twice(lst):
    lst += [0]
    lst += [0]
e = [1]
extend_twice(e)
print(e)
def concat(s):
    s += 'x'
    return s
t = 'str'
print(concat(t), t)
def swap_first_last(lst):
    lst[0], lst[-1] = lst[-1], lst[0]
z = [1, 2, 3]
swap_first_last(z)
print(z)
def fill(grid, v):
    for row in grid:
        for i in range(len(row)):
            row[i] = v
g = [[0, 0], [0]]
fill(g, 7)
print(g)
