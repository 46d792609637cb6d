# and / or return one of their operands; not returns a bool; all short-circuit.
print(0 or 'x', 'y' or 'x', '' or 0, None or [], [] or None)
print(0 and 'x', 'y' and 'x', 'a' and '', 1 and 2 and 3, 1 and 0 and 3)
print(1 or 2 or 3, 0 or 0 or 3, 0 or '' or None)
print(not 0, not 1, not '', not 'a', not [], not [0], not None, not (), not {})
print(not 0.0, not 0.5, not -1)
def t(v):
    print('eval', v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(1) or t(2))
print(t(0) or t(2))
print(t(0) or t(0) or t(3) or t(4))
print(t(1) and t(0) and t(5))
x = [] or [1]
print(x)
name = '' or 'anonymous'
print(name)
y = 5 and 6 or 7
print(y)
z = 0 and 6 or 7
print(z)
print(not not 'a', not not 0)
if [] or {} or () or '' or 0 or None:
    print('wrong')
else:
    print('all falsy')
if [0] and {'': 0} and (0,) and ' ' and -1:
    print('all truthy')
