# Dict and string work: word counts over generated text, string building,
# split/join, str.format and f-strings.
SYLLABLES = ["ka", "lo", "mi", "ne", "tu", "ra", "si", "po", "den", "var", "ul", "qe"]


def make_words(n, seed):
    words = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        k = 1 + (x >> 16) % 3
        w = ""
        y = x
        for j in range(k):
            w += SYLLABLES[y % 12]
            y //= 12
        words.append(w)
    return words


def make_text(words, per_line):
    lines = []
    for i in range(0, len(words), per_line):
        lines.append(" ".join(words[i:i + per_line]))
    return "\n".join(lines)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for w in line.split():
            if w in counts:
                counts[w] += 1
            else:
                counts[w] = 1
    return counts


def count_letters(text):
    counts = {}
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    return counts


def report(counts):
    parts = []
    for w, c in counts.items():
        if c > 400:
            parts.append("{}={}".format(w, c))
    return ";".join(parts)


def render(counts):
    out = []
    for w in counts:
        c = counts[w]
        out.append(f"{w:>10}|{c:5d}|{w.upper()}|{len(w) * c}")
    return "\n".join(out)


def checksum(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    return h


def index_by_prefix(words):
    index = {}
    for w in words:
        key = w[:2]
        bucket = index.get(key)
        if bucket is None:
            bucket = []
            index[key] = bucket
        bucket.append(w)
    return {k: len(v) for k, v in index.items()}


words = make_words(400000, 42)
text = make_text(words, 12)
counts = count_words(text)
print("distinct", len(counts), "total", sum(counts.values()))
letters = count_letters(text)
print("letters", sorted(letters.items())[:6])
r = report(counts)
print("report", len(r), checksum(r))
rendered = render(counts)
print("render", len(rendered), checksum(rendered))
print("prefix", sorted(index_by_prefix(words).items()))
replaced = text.replace("ka", "KA").replace(" ", "_")
print("replaced", replaced.count("KA"), replaced.startswith(words[0].replace("ka", "KA")))
