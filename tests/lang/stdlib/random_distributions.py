# random's real-valued distributions draw as CPython's do for a given seed.
import random

r = random.Random(12345)
print(r.gauss(), r.gauss(), r.gauss(10, 2))
print(r.normalvariate(), r.normalvariate(5, 0.5))
print(r.expovariate(1.0), r.expovariate(3.0))
print(r.triangular(), r.triangular(0, 10, 8), r.triangular(1, 1))
print(r.lognormvariate(0, 1), r.paretovariate(3), r.weibullvariate(1, 1.5))
print(r.uniform(-1, 1), r.uniform(5, 5))
random.seed(99)
samples = [random.gauss(0, 1) for _ in range(1000)]
mean = sum(samples) / len(samples)
print(round(mean, 10), round(max(samples), 10), round(min(samples), 10))
hist = [0] * 6
for _ in range(600):
    hist[random.randrange(6)] += 1
print(hist)
