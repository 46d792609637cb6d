# abs() of a complex whose modulus overflows.
print(abs(3 + 4j))
print(abs(1.5e308 + 1.5e308j))
