print("pkg_basic/__init__: executing")
PKG_LEVEL = "pkg level"
from .sub import sub_func
from . import sub as sub_alias
