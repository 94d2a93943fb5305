# Warnings of the parser (invalid escapes: DeprecationWarning) and of the
# compiler (SyntaxWarning: "is" with a literal, a tuple assert, a missed
# comma), and the SyntaxError each becomes under the "error" filter.
import warnings
warnings.simplefilter('always')
for s in ['x is 1', '[(1,2) (3,4)]', 'assert (x, 1)', '[{1,2} [i]]', '[[1,2] [i, j]]', 'x is -1', "'\\d'", "b'\\d'", "'\\407'", "f'a\\d{1}'", 'x is not ()', '["abc" (3,4)]']:
  print(s)
  compile(s, '<t>', 'exec')
warnings.simplefilter('error')
for s in ('x is 1', '[(1,2) (3,4)]', 'assert (x, 1)', "\nx = '\\d' + '\\q'", "f'a\\d{1}'", "'\\é'"):
  try: compile(s, '<t>', 'exec'); print("ok")
  except SyntaxError as e: print(repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

# Only the first invalid escape of a literal warns; non-ASCII after a
# backslash does not.
warnings.simplefilter('always')
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    compile("'\\d\\q' '\\w'", '<t>', 'eval')
    compile("'\\é'", '<t>', 'eval')
    compile("x is None or x is True or x is ... or x == 1", '<t>', 'eval')
    compile("assert x, 'msg'", '<t>', 'exec')
print([(str(m.message), m.category.__name__, m.lineno) for m in w])

# "\{" in an f-string: the backslash stays, the brace opens a field
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(eval(r"f'\{6*7}'"))
print([str(m.message) for m in w])
warnings.simplefilter('error')
try:
    eval(r"f'\{6*7}'")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
