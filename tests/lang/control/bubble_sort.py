# Bubble sort and selection sort written with while/for and swaps.
data = [64, 34, 25, 12, 22, 11, 90, -3, 0, 25]
n = len(data)
swaps = 0
for i in range(n):
    swapped = False
    for j in range(0, n - i - 1):
        if data[j] > data[j + 1]:
            data[j], data[j + 1] = data[j + 1], data[j]
            swaps += 1
            swapped = True
    if not swapped:
        break
print(data, swaps)
words = ['pear', 'apple', 'fig', 'banana', 'Cherry']
for i in range(len(words)):
    smallest = i
    for j in range(i + 1, len(words)):
        if words[j] < words[smallest]:
            smallest = j
    words[i], words[smallest] = words[smallest], words[i]
print(words)
pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]
k = 1
while k < len(pairs):
    item = pairs[k]
    j = k - 1
    while j >= 0 and pairs[j] > item:
        pairs[j + 1] = pairs[j]
        j -= 1
    pairs[j + 1] = item
    k += 1
print(pairs)
