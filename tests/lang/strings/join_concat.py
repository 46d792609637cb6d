# join, concatenation, repetition, containment and indexing with non-ASCII text
print(', '.join(['a', 'b', 'c']), ''.join([]), '-'.join('xyz'), 'é'.join(['a', 'b']))
print(', '.join(['only']), '+'.join(('t', 'u')), ''.join(['a', '', 'b']))
d = {'k1': 1, 'k2': 2}
print(sorted('|'.join(d).split('|')))
s = 'héllo wörld'
print(len(s), s[1], s[-1], s[1:4], s[::-1], s[::2], s[7:], 'ö' in s, 'x' in s, '' in s)
print(s.__contains__('wö'), 'ab' * 3, 'é' * 2 + 'ü', 3 * 'x', 'ab' * 0)
print(str(12), str('x'), str(), str([1, 'a']), repr('it\'s'), repr('a"b\'c'))
