# Negative index past the start of a list, also for assignment.
l = [1, 2, 3]
l[-1] = 30
print(l)
l[-4] = 0
print('never printed')
