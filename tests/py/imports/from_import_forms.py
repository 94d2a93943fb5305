from mod_simple import func, VALUE as V, Thing
import mod_simple as ms
from mod_simple import _private
print(func(5), V, Thing(), ms.VALUE, _private)
from mod_counter import bump, count
print(bump(), bump(), count)
import mod_counter
print(mod_counter.count)
from mod_counter import count
print(count)
import pkg_basic.sub
import pkg_basic.sub as aliased_sub
from pkg_basic import sub as sub2, PKG_LEVEL
print(aliased_sub is sub2 is pkg_basic.sub, PKG_LEVEL, pkg_basic.sub_func())
