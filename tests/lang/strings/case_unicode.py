# Full Unicode case mappings, special casing and the final sigma rule
samples = ['straße', 'ΣΑΣ ΟΔΟΣ', 'Σ', 'AΣ', 'AΣ.', 'AΣ b', 'ﬁre ﬂy', 'İstanbul', 'ŉ', 'ǆemal', 'ǅ', 'ǈ',
           'Ünïcödé', 'ǰ', 'ΐ', 'ﬀ', 'ᾳ', 'ՙ', 'Ⓐⓑ', 'ᏸᏹ', 'ꭰ']
for s in samples:
    print(s, '|', s.upper(), '|', s.lower(), '|', s.title(), '|', s.capitalize(), '|', s.swapcase(), '|', s.casefold())
print(len('ß'.upper()), len('İ'.lower()), 'ß'.upper() == 'SS')
