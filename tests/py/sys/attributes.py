# sys attributes: the struct sequences (flags, float_info, int_info,
# hash_info, thread_info), prefixes, stdlib_module_names, orig_argv.
import sys

print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info[6], len(sys.float_info))
print(sys.int_info)
h = sys.hash_info
print(h.width, h.modulus, h.inf, h.nan, h.imag, h.cutoff, len(h))
print(sys.thread_info.name, len(sys.thread_info))
f = sys.flags
print(f.debug, f.inspect, f.interactive, f.optimize, f.no_user_site, f.no_site,
      f.ignore_environment, f.verbose, f.bytes_warning, f.quiet, f.isolated, f.dev_mode,
      f.warn_default_encoding, f.safe_path, f.int_max_str_digits)
print(len(f), f.n_fields, f.n_sequence_fields, f.n_unnamed_fields)
print(f[0], f[3], f[-1], f[13:])
print(type(f.dev_mode), type(f.safe_path), type(f.optimize))
for s in (sys.flags, sys.float_info, sys.int_info, sys.hash_info, sys.thread_info):
    t = type(s)
    print(t, t.__name__, t.__module__, isinstance(s, tuple), '__new__' in t.__dict__)
    try:
        t()
    except TypeError as e:
        print('TypeError', e)
    try:
        t.__new__(t, (1,))
    except TypeError as e:
        print('TypeError', e)
try:
    sys.flags.debug = 1
except AttributeError as e:
    print('AttributeError', e)
print(sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix, sys.platlibdir)
print(sys.float_repr_style, sys.abiflags == '', sys.api_version, sys.pycache_prefix)
print(type(sys._git), len(sys._git), type(sys.copyright))
print(type(sys.stdlib_module_names).__name__, len(sys.stdlib_module_names))
print(sorted(n for n in sys.stdlib_module_names if n.startswith('_c')))
print(all(n in sys.stdlib_module_names for n in ('os', 'sys', 'argparse', 'decimal', 'winreg')))
print(type(sys.builtin_module_names).__name__, 'sys' in sys.builtin_module_names,
      'builtins' in sys.builtin_module_names, list(sys.builtin_module_names) == sorted(sys.builtin_module_names))
print(sys.orig_argv[-1], sys.orig_argv[-len(sys.argv):] == sys.argv, type(sys._xoptions).__name__)
print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors(), sys.getdefaultencoding())
print(sys.maxsize, sys.maxunicode, sys.byteorder, sys.platform)
