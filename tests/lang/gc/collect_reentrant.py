# gc.collect() while a collection is running (from a __del__ or a callback)
# does nothing and returns 0.
import gc

results = []

class Fin:
    def __del__(self):
        results.append(gc.collect())
        results.append(gc.isenabled())

gc.collect()
f = Fin()
f.me = f
del f
print(gc.collect(), results)

# Outside the collector, a __del__ that collects works normally.
class Collector:
    def __del__(self):
        junk = []
        junk.append(junk)
        del junk
        results.append(gc.collect())

results.clear()
c = Collector()
del c
print(results)
