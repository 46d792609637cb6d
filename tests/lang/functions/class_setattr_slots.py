class A: pass
A.__add__ = lambda s,o: 5
print(A()+1)
A.__name__ = "B"
print(A, A.__name__, "__name__" in A.__dict__)
A.__len__ = lambda s: 3
print(len(A()))
del A.__add__
try: A()+1
except TypeError as e: print(e)
class S(A): pass
A.__repr__ = lambda s: "rep"
print(S())
try: del A.zz
except AttributeError as e: print(e)
