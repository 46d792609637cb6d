print(format(1000, ','))
print(format(1000, ',_'))
