# Classic recursive algorithms: hanoi, gcd, fast power, permutations, flatten.
moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src)
hanoi(3, 'A', 'C', 'B')
print(len(moves), moves)
hanoi(10, 'A', 'C', 'B')
print(len(moves))
def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(1071, 462))
def power(base, exp):
    if exp == 0:
        return 1
    half = power(base, exp // 2)
    if exp % 2 == 0:
        return half * half
    return half * half * base
print(power(2, 10), power(3, 13), power(2, 62), power(7, 0))
def perms(s):
    if len(s) <= 1:
        return [s]
    out = []
    for i in range(len(s)):
        for rest in perms(s[:i] + s[i + 1:]):
            out.append(s[i] + rest)
    return out
print(perms('abc'))
print(len(perms('abcde')))
def flatten(x, out):
    if type(x) is list:
        for item in x:
            flatten(item, out)
    else:
        out.append(x)
    return out
print(flatten([1, [2, [3, [4, []]], 5], [[6]]], []))
def binary(n):
    if n < 2:
        return str(n)
    return binary(n // 2) + str(n % 2)
print(binary(10), binary(255), binary(0))
