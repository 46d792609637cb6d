print('a'.translate({97: 98}))
print('a'.translate({97: 0x110000}))
