# the format() and ascii() builtins, and format() of other types
print(format(42), format('x'), format(1.5), format([1, 2]), format(None), format((1,)), format({'a': 1}))
print(format(42, ''), format(True), format(False, ''), format(3, '.2f'), format(2, '%'))
print(ascii('abc'), ascii('é'), ascii('\u1234'), ascii('\U0001f600'), ascii('a\nb\tc'), ascii("it's"))
print(ascii(['é', 1, ('ü',)]), ascii({'ключ': 'значение'}), ascii(1.5), ascii(None))
print(repr('é\u200b\xad\ue000'), ascii('é\u200b\xad\ue000'))
print('é'.__format__(''), 'abc'.__format__('>5'), (5).__format__('03'), (2.5).__format__('.2f'))
print(int.__format__(7, 'b'), float.__format__(1.0, ''), str.__format__('s', '^3'))
