# A small text report using Counter, defaultdict, itertools and operator.
from collections import Counter, defaultdict
from itertools import groupby, islice
from operator import itemgetter
import string

TEXT = """It was the best of times, it was the worst of times, it was the age
of wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair."""

words = [w.strip(string.punctuation).lower() for w in TEXT.split()]
counts = Counter(words)
print(counts.most_common(5))
print(len(counts), counts.total(), counts['times'], counts['absent'])

by_length = defaultdict(set)
for w in counts:
    by_length[len(w)].add(w)
for length in sorted(by_length):
    print(length, sorted(by_length[length]))

pairs = Counter(zip(words, words[1:]))
print(pairs.most_common(3))

initials = sorted(words)
print([(k, len(list(g))) for k, g in islice(groupby(initials, key=itemgetter(0)), 6)])
ranking = sorted(counts.items(), key=itemgetter(1, 0), reverse=True)
print(ranking[:4])
print(string.capwords(' '.join(w for w, _ in ranking[:6])))
