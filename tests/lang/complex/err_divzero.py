# Dividing a complex by zero raises ZeroDivisionError.
z = 1 + 2j
print(z / 2)
print(z / 0)
