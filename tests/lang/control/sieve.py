# Sieve of Eratosthenes with a list of flags.
limit = 100
is_prime = [True] * (limit + 1)
is_prime[0] = False
is_prime[1] = False
p = 2
while p * p <= limit:
    if is_prime[p]:
        m = p * p
        while m <= limit:
            is_prime[m] = False
            m += p
    p += 1
primes = []
for i in range(limit + 1):
    if is_prime[i]:
        primes.append(i)
print(primes)
print(len(primes), primes[-1])
twins = []
for i in range(len(primes) - 1):
    if primes[i + 1] - primes[i] == 2:
        twins.append((primes[i], primes[i + 1]))
print(twins)
n = 360
factors = []
d = 2
while n > 1:
    while n % d == 0:
        factors.append(d)
        n //= d
    d += 1
print(factors)
