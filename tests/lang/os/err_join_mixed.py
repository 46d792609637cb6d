# os.path.join cannot mix str and bytes.
import os.path

print(os.path.join('a', 'b'), os.path.join(b'a', b'b'))
os.path.join('a', b'b')
