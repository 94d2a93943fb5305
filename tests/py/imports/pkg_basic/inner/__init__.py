print("pkg_basic.inner/__init__: executing")
from .. import PKG_LEVEL
INNER = "inner sees " + PKG_LEVEL
