# complex has no floor division.
print(1j / 2)
print(1j // 2)
