# The collector's thresholds: a generation-0 collection runs when the number
# of container allocations minus deallocations exceeds threshold0; every
# threshold1 collections of generation 0 one of generation 1, and so on.
import gc

print("default thresholds:", gc.get_threshold())
gc.set_threshold(900, 15, 15)
print("after set_threshold(900, 15, 15):", gc.get_threshold())
gc.set_threshold(0)
print("threshold 0 disables automatic collection:", gc.get_threshold())
gc.set_threshold(700, 10, 10)
print("back to:", gc.get_threshold())
print("enabled:", gc.isenabled())
