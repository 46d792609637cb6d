# printf-style formatting: %s %r %a %c %%, tuples versus single values
print('%s' % 'x', '%s' % 5, '%s' % (5,), '%s %s' % ('a', 'b'), '%s' % [1, 2], '%s' % ((1, 2),))
print('%r' % 'é', '%a' % 'é', '%r' % [1, 'a'], '%a' % 'ü€', '%s' % None, '%s' % True)
print('%c%c%c' % ('a', 98, 'é'), '%c' % 0x1F600 == '\U0001f600', '100%%' % (), '%% %s' % 'x')
print('%5s|%-5s|%.2s|%5.1s|%-6.3s|' % ('abc', 'abc', 'abc', 'abc', 'abcdef'))
print('%*s|%-*s|%.*s|%*.*s|' % (5, 'ab', 5, 'ab', 1, 'ab', 6, 2, 'abcd'), '%*s|' % (-4, 'x'))
print('abc' % (), 'abc' % [], 'abc' % {}, '%s' % {'a': 1}, '%(a)s' % {'a': 1})
print('%5r|%-6a|%3c|%-3c|' % ('x', 'é', 'z', 'z'), '%s' % 'é' * 2, '%10s|' % 'héllo')
