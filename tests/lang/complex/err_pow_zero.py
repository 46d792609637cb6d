# Zero to a negative power.
print(0j ** 2)
print(0j ** -1)
