# The stat module and os.stat_result built by hand (no file-system access).
import os
import stat

for mode in [0o100644, 0o040755, 0o120777, 0o020620, 0o060660, 0o010600, 0o140755,
             0o104755, 0o102755, 0o041777, 0o040776, 0o100000, 0o106644, 0o001000, 0]:
    print(oct(mode), stat.filemode(mode), oct(stat.S_IMODE(mode)), oct(stat.S_IFMT(mode)),
          [f.__name__ for f in (stat.S_ISDIR, stat.S_ISREG, stat.S_ISLNK, stat.S_ISCHR,
                                stat.S_ISBLK, stat.S_ISFIFO, stat.S_ISSOCK) if f(mode)])
print(stat.ST_MODE, stat.ST_SIZE, stat.ST_MTIME, oct(stat.S_IRWXU), oct(stat.S_IRGRP),
      oct(stat.S_IXOTH), oct(stat.S_ISUID), oct(stat.S_ISVTX), stat.S_ISDOOR(0))

st = os.stat_result((0o100644, 1, 2, 3, 4, 5, 6, 7, 8, 9))
print(st)
print(len(st), st.st_size, st.st_mtime, st[8], st.st_atime_ns, st.st_blksize, tuple(st))
print(st == (0o100644, 1, 2, 3, 4, 5, 6, 7, 8, 9), st[-1], st[2:5], hash(st) == hash(tuple(st)))
st2 = os.stat_result(range(10, 23))
print(st2.st_atime, st2.st_mtime, st2.st_ctime, st2.st_atime_ns, st2.st_rdev, st2[7:])
print(os.stat_result.n_sequence_fields, os.stat_result.n_fields,
      os.stat_result.n_unnamed_fields, type(st).__name__)
a, b, c, *rest = st
print(a, b, c, rest)
for bad in [(1, 2, 3), tuple(range(20))]:
    try:
        os.stat_result(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    st.st_size = 3
except AttributeError as e:
    print('AttributeError')
