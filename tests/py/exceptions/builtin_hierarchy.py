names = ["BaseException", "Exception", "ArithmeticError", "ZeroDivisionError", "OverflowError", "FloatingPointError",
         "LookupError", "KeyError", "IndexError", "ValueError", "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError",
         "TypeError", "AttributeError", "NameError", "UnboundLocalError", "RuntimeError", "RecursionError",
         "NotImplementedError", "OSError", "FileNotFoundError", "PermissionError", "TimeoutError", "ConnectionError",
         "ImportError", "ModuleNotFoundError", "StopIteration", "StopAsyncIteration", "GeneratorExit", "SystemExit",
         "KeyboardInterrupt", "AssertionError", "EOFError", "MemoryError", "BufferError", "SyntaxError",
         "IndentationError", "TabError", "SystemError", "ReferenceError", "Warning", "UserWarning", "DeprecationWarning",
         "ExceptionGroup", "BaseExceptionGroup", "EnvironmentError", "IOError"]
for n in names:
    cls = eval(n)
    print(n, "->", cls.__mro__[1].__name__ if len(cls.__mro__) > 1 else None, [c.__name__ for c in cls.__mro__[1:-1]])
print(OSError is IOError, EnvironmentError is OSError)
print(issubclass(KeyError, LookupError), issubclass(SystemExit, Exception), issubclass(GeneratorExit, Exception))
print(issubclass(KeyboardInterrupt, BaseException), issubclass(StopIteration, Exception), issubclass(UnicodeDecodeError, ValueError))
