print(format([1], ''))
print(format([1], 'x'))
