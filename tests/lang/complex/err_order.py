# complex values have no ordering.
print(1j == 1j)
print(1j < 2j)
