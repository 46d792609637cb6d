class S(str): pass
class T(tuple): pass
class I(int): pass
class F(float): pass
class L(list): pass
class D(dict): pass
class B(bytes): pass
for c, a in [(S,"a"),(T,(1,)),(I,3),(F,1.5),(L,[1]),(D,{1:2}),(B,b"x")]:
    o = c(a)
    print(type(o).__name__, o, o == a)
print(str.__new__(S, "zz").__class__.__name__)
try: hash([])
except TypeError as e: print(e)
print(list.__hash__, dict.__hash__, set.__hash__)
