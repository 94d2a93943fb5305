"""A package whose __init__ and submodule are cached."""
PKG = "cache_pkg"
