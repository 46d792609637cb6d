# Files and directories: create, list, stat, rename, walk and remove a scratch
# tree under this folder. A tree left by a crashed run is removed first.
import os
import stat
import sys

TOP = 'fs_scratch_' + ('k' if 'kaa' in sys.version else 'c')


def rmtree(top):
    for root, dirs, files in os.walk(top, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            p = os.path.join(root, name)
            if os.path.islink(p):
                os.remove(p)
            else:
                os.rmdir(p)
    os.rmdir(top)


def write(path, text):
    with open(path, 'w') as f:
        f.write(text)


if os.path.lexists(TOP):
    rmtree(TOP)
print(os.path.exists(TOP))
os.mkdir(TOP)
print(os.path.exists(TOP), os.path.isdir(TOP), os.path.isfile(TOP), os.listdir(TOP))

a = os.path.join(TOP, 'a.txt')
write(a, 'hello')
write(os.path.join(TOP, 'b.txt'), 'x' * 100)
os.mkdir(os.path.join(TOP, 'sub'), 0o755)
print(sorted(os.listdir(TOP)), sorted(os.listdir(TOP.encode())))
print(os.path.isfile(a), os.path.isdir(a), os.path.getsize(a))

# stat results
st = os.stat(a)
print(stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), st.st_size, st.st_nlink, len(st))
print(st[0] == st.st_mode, st[6] == st.st_size, st[stat.ST_SIZE], st[8] == int(st.st_mtime))
print(type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, type(st[8]).__name__)
print(st.st_mtime_ns // 10**9 == st[8], os.path.getmtime(a) == st.st_mtime)
print(st.st_uid == os.getuid(), st.st_gid == os.getgid(), st.st_ino > 0, st.st_blksize > 0)
print(isinstance(st, tuple), isinstance(st, os.stat_result), repr(st).startswith('os.stat_result(st_mode='))
print(st == os.stat(a), st[:3] == (st.st_mode, st.st_ino, st.st_dev))
print(stat.S_ISDIR(os.stat(TOP).st_mode), stat.S_ISDIR(os.lstat(TOP).st_mode))
print(os.path.samefile(a, os.path.join(TOP, 'sub', '..', 'a.txt')), os.path.samefile(a, TOP))

# permissions
os.chmod(a, 0o640)
print(oct(stat.S_IMODE(os.stat(a).st_mode)), stat.filemode(os.stat(a).st_mode))
print(stat.filemode(os.stat(TOP).st_mode)[0], os.access(a, os.R_OK), os.access(a, os.F_OK),
      os.access(os.path.join(TOP, 'none'), os.F_OK))

# rename and replace
b = os.path.join(TOP, 'b.txt')
c = os.path.join(TOP, 'c.txt')
os.rename(b, c)
print(sorted(os.listdir(TOP)), os.path.getsize(c))
os.replace(c, a)
print(sorted(os.listdir(TOP)), os.path.getsize(a))
try:
    os.rename(a, os.path.join(TOP, 'sub'))
except OSError as e:
    print(type(e).__name__, e.errno == 21, e.filename == a)

# makedirs, removedirs
deep = os.path.join(TOP, 'd1', 'd2', 'd3')
os.makedirs(deep)
print(os.path.isdir(deep))
os.makedirs(deep, exist_ok=True)
try:
    os.makedirs(deep)
except FileExistsError as e:
    print('FileExistsError', e.filename == deep)
try:
    os.makedirs(a, exist_ok=True)
except FileExistsError as e:
    print('FileExistsError for a file')
write(os.path.join(deep, 'f'), 'deep')

# walk
for root, dirs, files in os.walk(TOP):
    dirs.sort()
    print('down', os.path.relpath(root, TOP), dirs, sorted(files))
# Bottom-up, every directory comes after its subdirectories (the order of
# siblings is the file system's).
up = [(os.path.relpath(r, TOP), sorted(d), sorted(f)) for r, d, f in os.walk(TOP, topdown=False)]
for entry in sorted(up):
    print('up', *entry)
seen = []
for root, dirs, files in up:
    print(all(os.path.join(root, d) in seen or os.path.normpath(os.path.join(root, d)) in seen
              for d in dirs), end=' ')
    seen.append(root)
print()
for root, dirs, files in os.walk(TOP):
    dirs[:] = [d for d in dirs if d != 'd1']
    print('pruned', os.path.relpath(root, TOP), sorted(dirs))
print(list(os.walk(os.path.join(TOP, 'none'))))
os.walk(os.path.join(TOP, 'none'))
for x in os.walk(os.path.join(TOP, 'none'), onerror=lambda e: print('onerror', type(e).__name__)):
    pass
print([(os.path.relpath(r, TOP.encode()), sorted(f)) for r, d, f in os.walk(TOP.encode()) if f])

os.remove(os.path.join(deep, 'f'))
os.removedirs(deep)
print(os.path.exists(os.path.join(TOP, 'd1')), sorted(os.listdir(TOP)))

# symbolic links
link = os.path.join(TOP, 'link')
os.symlink('a.txt', link)
print(os.path.islink(link), os.path.isfile(link), os.readlink(link), os.readlink(link.encode()))
print(stat.S_ISLNK(os.lstat(link).st_mode), stat.S_ISREG(os.stat(link).st_mode))
print(os.path.realpath(link) == os.path.realpath(a), os.path.realpath(a) == os.path.abspath(a))
dlink = os.path.join(TOP, 'dlink')
os.symlink('sub', dlink)
write(os.path.join(TOP, 'sub', 'in_sub'), '')
print(sorted(os.path.relpath(r, TOP) for r, d, f in os.walk(TOP)))
print(sorted(os.path.relpath(r, TOP) for r, d, f in os.walk(TOP, followlinks=True)))
os.remove(os.path.join(TOP, 'sub', 'in_sub'))
broken = os.path.join(TOP, 'broken')
os.symlink('nowhere', broken)
print(os.path.exists(broken), os.path.lexists(broken), os.path.islink(broken))
loop = os.path.join(TOP, 'loop')
os.symlink('loop', loop)
print(os.path.realpath(loop) == os.path.abspath(loop))
try:
    os.path.realpath(loop, strict=True)
except OSError as e:
    print(type(e).__name__, e.errno == 40)

# the current directory
here = os.getcwd()
os.chdir(TOP)
print(os.path.basename(os.getcwd()) == TOP, sorted(os.listdir()), os.path.isfile('a.txt'))
os.chdir('..')
print(os.getcwd() == here, os.getcwdb() == here.encode())

rmtree(TOP)
print(os.path.exists(TOP))
