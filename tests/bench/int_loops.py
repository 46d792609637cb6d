# Integer loops: sieve of Eratosthenes, collatz lengths, gcd sums, digit sums.
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    count = 0
    total = 0
    for k in range(n + 1):
        if flags[k]:
            count += 1
            total += k
    return count, total


def collatz_max(limit):
    best = 0
    best_n = 0
    for n in range(1, limit):
        x = n
        steps = 0
        while x != 1:
            if x & 1:
                x = 3 * x + 1
            else:
                x = x >> 1
            steps += 1
        if steps > best:
            best = steps
            best_n = n
    return best_n, best


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def gcd_sum(n):
    s = 0
    for a in range(1, n):
        for b in range(a, n, 7):
            s += gcd(a, b)
    return s


def digit_sums(n):
    acc = 0
    for i in range(n):
        x = i
        d = 0
        while x > 0:
            d += x % 10
            x //= 10
        acc = (acc * 31 + d) % 1000000007
    return acc


print("sieve", sieve(1000000))
print("collatz", collatz_max(90000))
print("gcd", gcd_sum(500))
print("digits", digit_sums(300000))
