# sign options, 'z' negative-zero coercion, alignment and fills around floats, inf and nan
vals = [1.5, -1.5, 0.0, -0.0, -0.0001, float('inf'), float('-inf'), float('nan')]
for v in vals:
    print(repr(v), format(v, '+'), format(v, '-'), format(v, ' '), format(v, 'z.1f'), format(v, '+z.2f'),
          format(v, '010'), format(v, '=+10.2f'), format(v, '*^11'), format(v, '<9.1e'), format(v, 'z'),
          format(v, '010.1%'))
