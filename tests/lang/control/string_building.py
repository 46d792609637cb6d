# Building strings in loops: reverse, caesar shift, run-length encoding.
s = 'hello, world'
rev = ''
for ch in s:
    rev = ch + rev
print(rev, rev == s[::-1])
alphabet = 'abcdefghijklmnopqrstuvwxyz'
shifted = ''
for ch in 'attack at dawn':
    pos = alphabet.find(ch)
    if pos == -1:
        shifted += ch
    else:
        shifted += alphabet[(pos + 3) % 26]
print(shifted)
text = 'aaabccddddde'
encoded = ''
i = 0
while i < len(text):
    j = i
    while j < len(text) and text[j] == text[i]:
        j += 1
    encoded += text[i] + str(j - i)
    i = j
print(encoded)
parts = []
for n in range(1, 6):
    parts.append(str(n * n))
print(', '.join(parts))
acc = ''
for word in 'the quick brown fox'.split():
    acc += word[0].upper() + word[1:] + ' '
print(repr(acc))
print(repr(acc.strip()))
binary = ''
n = 37
while n > 0:
    binary = str(n % 2) + binary
    n //= 2
print(binary, int(binary, 2))
