# dir(gc): the public names of the gc module, sorted.
import gc

print([n for n in dir(gc) if not n.startswith("_")])
print(len(dir(gc)) > 25)
