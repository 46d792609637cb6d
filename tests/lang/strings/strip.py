# strip/lstrip/rstrip with whitespace, chars and non-ASCII chars
samples = ['  abc  ', '\t\n abc \r\x0b\x0c', 'abc', '', '   ', '\u3000\xa0abc\u2028\x85', 'xxabcxx']
for s in samples:
    print(repr(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(None)))
print('xyabcyx'.strip('xy'), 'xyabcyx'.lstrip('yx'), 'xyabcyx'.rstrip('x'), 'abc'.strip(''))
print('ééaéé'.strip('é'), 'xéyx'.rstrip('xy'), 'üa'.lstrip('ü'), '«abc»'.strip('«»'))
print('www.example.com'.strip('cmowz.'), '  spacious  '.lstrip(), 'mississippi'.rstrip('ipz'))
