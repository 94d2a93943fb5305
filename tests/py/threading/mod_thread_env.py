"""Makes `import threading` possible while Pyrite has no posix module:
threading.py imports os but uses it only for os.register_at_fork, which
it looks up with hasattr. An empty `os` stand-in is installed only when
posix cannot be imported, so under CPython the tests run with the real os.
"""
import sys

try:
    import posix
except ImportError:
    sys.modules.setdefault('os', type(sys)('os'))
