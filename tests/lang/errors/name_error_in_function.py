# A global that does not exist yet when the function runs.
def show():
    print('inside show')
    return missing_global_value
print('before call')
show()
print('never printed')
