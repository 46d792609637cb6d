# How collections move the counts: collecting generation g zeroes counts
# 0..g and adds one to count g+1.
import gc

gc.disable()
gc.collect()
print(gc.get_count())
gc.collect(0)
print(gc.get_count()[1:])
gc.collect(0)
print(gc.get_count()[1:])
gc.collect(1)
print(gc.get_count())
gc.collect(1)
gc.collect(0)
print(gc.get_count())
for i in range(12):
    gc.collect(0)
print(gc.get_count()[1:])
for i in range(11):
    gc.collect(1)
print(gc.get_count())
gc.collect(2)
print(gc.get_count())
gc.collect(2)
print(gc.get_count())
gc.enable()
