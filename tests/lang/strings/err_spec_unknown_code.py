print(format('s', 's'))
print(format('s', 'd'))
