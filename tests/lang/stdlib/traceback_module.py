import traceback
import sys
import io


def inner(x):
    return 1 / x


def outer():
    return inner(0)


try:
    outer()
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text.replace(__file__, 'FILE'))
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(buf.getvalue() == text)
    e = sys.exc_info()[1]
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.filename == __file__, fs.lineno, fs.name, fs.line)
    print(''.join(traceback.format_exception(e, limit=1)).replace(__file__, 'FILE'))
    print(''.join(traceback.format_exception(e, limit=-1)).replace(__file__, 'FILE'))
    name, lineno = traceback.extract_tb(e.__traceback__)[-1][2:0:-1]
    print(name, lineno)

try:
    try:
        {}['k']
    except KeyError as k:
        raise ValueError('wrapped') from k
except ValueError as v:
    out = ''.join(traceback.format_exception(v)).replace(__file__, 'FILE')
    print(out)
    print(''.join(traceback.format_exception(v, chain=False)).replace(__file__, 'FILE'))
print(traceback.format_exc())
try:
    compile('x = (', 'src.py', 'exec')
except SyntaxError as s:
    print(traceback.format_exception_only(s))
