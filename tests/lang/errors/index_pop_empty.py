# list.pop on an empty list raises IndexError: pop from empty list.
l = [1]
print(l.pop())
print(l)
l.pop()
print('never printed')
