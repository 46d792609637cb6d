# %b with a str argument is an uncaught TypeError
print(b'%s' % b'fine')
print(b'%b' % 'not bytes')
