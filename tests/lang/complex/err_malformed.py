# A string that is not a complex number.
print(complex("1+2j"))
print(complex("1+2j+3"))
