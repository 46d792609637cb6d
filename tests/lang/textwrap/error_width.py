# A width below one is rejected when wrapping starts.
import textwrap

print(textwrap.fill('narrow text', 1))
textwrap.wrap('narrow text', 0)
