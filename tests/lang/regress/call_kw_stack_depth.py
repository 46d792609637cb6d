# A keyword call before a try/except in the same code object: the compiler's
# stack depth for CALL_KW ignores the keyword values, so the handler's depth
# is too high and the loop's FOR_ITER later finds a stale callable (crash).
print("start", end="\n")
for args in [(1.0,), ("x",)]:
    try:
        chr(*args)
    except TypeError as e:
        print(e)
print("done")
