# True, False and None.
print(True, False, None)
print(repr(True), repr(False), repr(None))
print(str(True), str(None))
print(type(True), type(False), type(None))
print(True == True, True == False, None == None)
print(True != False)
x = None
print(x is None, x is not None)
y = True
print(y is True, y is False)
print(not True, not False, not None)
print(True and False, True or False)
print(None or 'default', None and 'never')
print([True, False, None])
print((None,))
print({'t': True, 'n': None})
if None:
    print('wrong')
else:
    print('None is falsy')
