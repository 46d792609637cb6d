# Function attributes live in the function's __dict__: a function that
# refers to itself through one is a cycle of two objects.
import gc

def f():
    pass

gc.collect()
f.me = f
print(f.me is f, f.__dict__ == {'me': f})
del f
print("function:", gc.collect())
