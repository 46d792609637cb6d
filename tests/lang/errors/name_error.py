# Reading a name that was never assigned raises NameError.
count = 3
print('count is', count)
print('next line fails')
print(undefined_thing)
print('never printed')
