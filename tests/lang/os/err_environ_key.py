# A missing environment variable is a KeyError naming it.
import os

print(os.environ.get('KAA_NO_SUCH_VAR', 'absent'))
print(os.environ['KAA_NO_SUCH_VAR'])
