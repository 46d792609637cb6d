# array('b') rejects values outside a signed char.
from array import array

a = array("b", [1, 2])
print(a)
a.append(128)
