# Iterative binary search over a sorted list, counting probes.
values = []
for i in range(0, 100, 3):
    values.append(i)
print(len(values), values[:5], values[-3:])
def search(items, target):
    lo = 0
    hi = len(items) - 1
    probes = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        probes += 1
        if items[mid] == target:
            return mid, probes
        elif items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, probes
for t in [0, 3, 48, 99, 50, -1, 100]:
    pos, probes = search(values, t)
    print(t, pos, probes)
names = ['ada', 'bob', 'cy', 'dan', 'eve']
print(search(names, 'cy'), search(names, 'zed'))
print(search([], 1))
