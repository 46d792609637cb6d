e = OSError(2, 'No such file', 'x.txt')
print(type(e).__name__, e, e.args, e.errno, e.strerror, e.filename, e.filename2)
e = OSError(13, 'denied')
print(type(e).__name__, e, e.args, e.errno, e.filename)
e = OSError('plain')
print(type(e).__name__, e, e.args, e.errno)
e = OSError(1, 'a', 'f1', None, 'f2')
print(e, e.args)
e = FileNotFoundError(5, 'odd')
print(type(e).__name__, e.errno)
class MyOSError(OSError):
    pass
print(MyOSError().errno, MyOSError(1, "msg").errno, type(MyOSError(2, 'x')).__name__)
print(IOError is OSError, EnvironmentError is OSError, issubclass(BrokenPipeError, ConnectionError))
try:
    open('/nonexistent/dir/file')
except OSError as ex:
    print(type(ex).__name__, ex.errno, ex.filename, ex)
e.errno = 7
print(e.errno)
print(OSError(2, 'x', None).args)
