
print((1024).to_bytes(2,'big'), (-1).to_bytes(2,'little',signed=True), (255).to_bytes())
for args in [(256,1,'big',False),(-1,1,'big',False),(1,1,'mid',False),(1,-1,'big',False),(127,1,'big',True),(128,1,'big',True),(-128,1,'big',True),(-129,1,'big',True),(0,0,'big',False),(0,0,'big',True),(-1,0,'big',True), (2**100, 13, 'little', False), (-2**100, 13, 'little', True)]:
    v,n,o,s = args
    try: print(v.to_bytes(n,o,signed=s))
    except (OverflowError, ValueError) as e: print(type(e).__name__, e)
print(int.from_bytes(b'\xff\x00','little',signed=True), int.from_bytes([1,2]), int.from_bytes(b''), bool.from_bytes(b'\x01'))
print(int.from_bytes(b'\x80' + bytes(20), signed=True), int.from_bytes(bytearray(b'\x01\x02'), 'little'))
class I(int): pass
print(type(I.from_bytes(b'\x01')))

