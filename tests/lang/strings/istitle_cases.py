# istitle, islower and isupper on mixed text
for s in ['Hello World', 'Hello world', 'HELLO', 'Hello  World 2', "They'Re", 'A', 'a', '1', '1A', 'A1b',
          'ǅungla', 'ǅUngla', 'Σας', 'ΣΑΣ', 'σας', 'Élan Vital', 'élan', 'ÉLAN', 'Abc Déf']:
    print(repr(s), s.istitle(), s.islower(), s.isupper(), s.title() == s)
