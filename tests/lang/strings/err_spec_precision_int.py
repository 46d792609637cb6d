print(format(1.5, '.2'))
print(format(1, '.2'))
