# os.makedirs of an existing directory without exist_ok.
import os

os.makedirs('.', exist_ok=True)
print('exist_ok: fine')
os.makedirs('.')
