print(float(b"1.5"), float(bytearray(b" 2e3 ")), int(b" 12 "), int(b"ff", 16))
for x in [b"x", b"\xff"]:
  try: float(x)
  except ValueError as e: print(e)
  try: int(x)
  except ValueError as e: print(e)
