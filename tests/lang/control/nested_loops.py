# Nested loops: multiplication table, pairs and triangle.
for i in range(1, 5):
    line = ''
    for j in range(1, 5):
        line = line + str(i * j) + ' '
    print(line)
pairs = []
for a in [1, 2, 3]:
    for b in 'xy':
        pairs.append((a, b))
print(pairs)
for row in range(5):
    print(' ' * (4 - row) + '*' * (2 * row + 1))
count = 0
i = 0
while i < 4:
    for j in range(i):
        k = 0
        while k < j:
            count += 1
            k += 1
    i += 1
print('count', count)
matrix = [[1, 2, 3], [4, 5, 6]]
transposed = []
for c in range(3):
    col = []
    for r in range(2):
        col.append(matrix[r][c])
    transposed.append(col)
print(transposed)
triples = 0
for a in range(1, 20):
    for b in range(a, 20):
        for c in range(b, 20):
            if a * a + b * b == c * c:
                print('triple', a, b, c)
                triples += 1
print(triples)
