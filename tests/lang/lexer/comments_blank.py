# A comment on its own line.

# Blank lines and comments are ignored.
x = 1  # trailing comment
   # an indented comment at top level is fine


y = 2 # another
#comment without space
print(x, y)  # print
if x:
    # comment inside a block

    print('in block')   # trailing

    # comment before dedent
print('after')  #
z = '# not a comment'
print(z)
def f(a):
    # comment as first line of body
    return a  # done
# comment between
print(f(3))
for i in [1, 2]:

    print(i)

# final comment without newline at end is fine too
print("no newline at end")