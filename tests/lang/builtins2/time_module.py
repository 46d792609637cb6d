# The time module: clock types and monotonicity, sleep, gmtime and strftime.
import time

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t0, p0, m0, c0 = time.time(), time.perf_counter(), time.monotonic(), time.process_time()
print(type(t0).__name__, type(p0).__name__, type(m0).__name__, type(c0).__name__)
print(type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__)
print(t0 > 1.6e9, abs(time.time_ns() / 1e9 - t0) < 5)
time.sleep(0.01)
time.sleep(0)
print(time.perf_counter() - p0 >= 0.009, time.monotonic() >= m0)
n0 = time.monotonic_ns()
print(time.monotonic_ns() >= n0, time.process_time() >= c0)
show(lambda: time.sleep(-1))
show(lambda: time.sleep('a'))
show(lambda: time.sleep(None))
show(lambda: time.sleep(float('nan')))
g = time.gmtime(0)
print(g)
print(g.tm_year, g[0], len(g), tuple(g), type(g))
print(time.gmtime(86400 * 365.25 * 30 + 3723.9))
print(time.gmtime(-1.5))
print(time.strftime('%Y-%m-%d %H:%M:%S', g), time.strftime('', g))
print(time.strftime('%a %b %d %j', (2024, 2, 29, 12, 30, 0, 3, 60, 0)))
print(time.asctime(g), time.asctime((2000, 1, 1, 0, 0, 0, 5, 1, 0)))
print(time.struct_time((2001, 2, 3, 4, 5, 6, 0, 34, 0)))
show(lambda: time.strftime(1))
show(lambda: time.strftime('%Y', (1, 2)))
show(lambda: time.strftime('%Y', (2000, 13, 1, 0, 0, 0, 0, 1, 0)))
show(lambda: time.gmtime('x'))
print(isinstance(time.localtime(), time.struct_time), time.mktime(time.localtime(1000)))
