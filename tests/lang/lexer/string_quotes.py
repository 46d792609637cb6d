# The four string quote styles, and quotes nested in each other.
print('single')
print("double")
print('''triple single''')
print("""triple double""")
print('say "hi"')
print("it's")
print('''both ' and " inside''')
print("""both ' and " inside""")
print('''line one
line two
  line three''')
print("""
starts with a newline""")
print('')
print("")
print('''''')
print(len(''), len('a'), len("ab"), len('''abc'''), len("""abcd"""))
s = """a
b"""
print(len(s))
print('#not a comment', "# nor this")
print('a' == "a", '''a''' == """a""")
print("""ends with quote\"""")
print('''a '' b''')
