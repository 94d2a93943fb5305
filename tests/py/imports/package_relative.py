import pkg_basic.inner.deep as deep
print(deep.describe())
import pkg_basic
print(pkg_basic.__name__, pkg_basic.__package__, pkg_basic.inner.__package__, pkg_basic.inner.deep.__package__)
print(pkg_basic.__file__)
print(pkg_basic.__path__)
print(pkg_basic.sub_alias is pkg_basic.sub, pkg_basic.inner.INNER)
from pkg_rel import a
print(a.A)
