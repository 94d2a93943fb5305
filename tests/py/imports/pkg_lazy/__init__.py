TOP = "pkg_lazy top"
