import sys
from pkg_star import *
print(sorted(k for k in dir() if not k.startswith("__") and k != "sys"))
print(alpha.NAME, beta.NAME, helper())
print("pkg_star.gamma" in sys.modules, "pkg_star.alpha" in sys.modules)
import pkg_star
print(hasattr(pkg_star, "gamma"))
import pkg_star.gamma
print(pkg_star.gamma.NAME)
