# List sorting and comprehensions: sort with key=, comprehensions, slicing.
def lcg(seed, n):
    out = []
    x = seed
    for i in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        out.append(x >> 40)
    return out


class Rec:
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score


def records(nums):
    return [Rec("n" + str(v % 1000), v % 90, (v >> 7) % 10007) for v in nums]


def run():
    nums = lcg(12345, 300000)
    a = sorted(nums)
    b = sorted(nums, key=lambda v: (v % 1000, v))
    c = sorted(nums, reverse=True)
    print("sorted", a[0], a[-1], b[0], b[-1], c[0], a[150000])
    squares = [v * v % 1000003 for v in nums if v % 3 == 0]
    pairs = [(i, j) for i in range(60) for j in range(i) if (i * j) % 7 == 3]
    print("comp", len(squares), sum(squares) % 1000003, len(pairs), pairs[:3])
    evens = nums[::2]
    odds = nums[1::2]
    rev = nums[::-1]
    mid = nums[75000:225000]
    print("slices", len(evens), len(odds), rev[0] == nums[-1], sum(mid[::1000]))
    recs = records(nums[:120000])
    recs.sort(key=lambda r: r.score)
    recs.sort(key=lambda r: r.age)
    print("recs", recs[0].name, recs[0].age, recs[0].score, recs[-1].name, recs[-1].score)
    names = sorted({r.name: 1 for r in recs})
    print("names", len(names), names[:3])
    by_age = {}
    for r in recs:
        by_age.setdefault(r.age, []).append(r.score)
    tops = [max(v) for k, v in sorted(by_age.items())]
    print("tops", sum(tops), tops[:5])
    matrix = [[(i * 31 + j * 17) % 101 for j in range(200)] for i in range(200)]
    transposed = [[row[k] for row in matrix] for k in range(200)]
    diag = [transposed[i][i] for i in range(200)]
    rows = sorted(matrix, key=lambda row: (row[5], row[-1]))
    print("matrix", sum(diag), rows[0][:4], sum(sum(r) for r in transposed))
    words = [str(v) for v in nums[:90000]]
    words.sort()
    lens = sorted(words, key=len)
    print("words", words[:2], lens[0], lens[-1])


run()
