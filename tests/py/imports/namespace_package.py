import pkg_ns.nsmod
print(pkg_ns.nsmod.NS_VALUE)
import pkg_ns
print(pkg_ns.__file__, pkg_ns.__spec__.origin, list(pkg_ns.__path__))
from pkg_ns import nsmod
print(nsmod is pkg_ns.nsmod)
