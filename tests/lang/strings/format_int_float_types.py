# ints formatted with float presentation types
for v in [0, 1, -3, 1234567, 10**20]:
    print(v, format(v, 'e'), format(v, 'E'), format(v, 'f'), format(v, '.2f'), format(v, 'g'),
          format(v, 'G'), format(v, '%'), format(v, '.1%'), format(v, ',.2f'), format(v, '+.3e'))
