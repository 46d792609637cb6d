# A container that holds itself is a ValueError.
import json

a = [1, 2]
print(json.dumps([a, a]))
a.append({'back': a})
json.dumps(a)
