print(format(5, '>5'))
print(format(5, 'abc'))
