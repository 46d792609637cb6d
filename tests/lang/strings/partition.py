# partition and rpartition
for s in ['a=b=c', '=', '', 'abc', '==', 'é=ü=é']:
    print(repr(s), s.partition('='), s.rpartition('='))
print('hello world'.partition('o w'), 'hello'.partition('hello'), 'abcb'.rpartition('b'))
print('x->y->z'.partition('->'), 'x->y->z'.rpartition('->'), 'abc'.rpartition('x'))
