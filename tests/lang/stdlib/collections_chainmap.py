# ChainMap: lookups through several mappings, writes to the first.
from collections import ChainMap

defaults = {'color': 'red', 'user': 'guest'}
env = {'user': 'admin'}
cli = {}
cm = ChainMap(cli, env, defaults)
print(cm['user'], cm['color'], len(cm), sorted(cm), 'color' in cm, cm.get('x', 0))
cm['color'] = 'blue'
print(cli, defaults['color'], cm)
child = cm.new_child({'user': 'child'})
print(child['user'], child.parents['user'], len(child.maps))
print(dict(child), sorted(child.items()))
del cm['color']
print(cm['color'])
try:
    del cm['user']
except KeyError as e:
    print('KeyError', e)
try:
    ChainMap({}).pop('x')
except KeyError as e:
    print('KeyError', e)
print(ChainMap(), bool(ChainMap({})), bool(cm))
