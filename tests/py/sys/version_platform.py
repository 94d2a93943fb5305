# sys.version has CPython's layout, "VERSION (BUILD, DATE, TIME) [COMPILER]",
# which the platform module parses.
import platform
import sys

print(sys.version.split(' (')[0], sys.version.count('['), sys.version.count(', '), platform.python_version(),
      platform.python_version_tuple(), platform.python_implementation())
print(len(platform.python_build()), type(platform.python_compiler()).__name__, sys.version_info[:3])
