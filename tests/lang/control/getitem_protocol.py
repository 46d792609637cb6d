class A:
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i*2
print(4 in A(), 5 in A(), list(A()), sorted(A()), max(A()))
x, *y = A()
print(x, y)
