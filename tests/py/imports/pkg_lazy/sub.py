print("pkg_lazy.sub: executing")
SUB = "pkg_lazy.sub value"
