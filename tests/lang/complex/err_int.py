# int() of a complex is a TypeError.
print(float(1.5))
print(int(1 + 2j))
