defined = "real attribute"
def __getattr__(name):
    if name.startswith("lazy_"):
        return f"computed {name}"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
def __dir__():
    return ["defined", "lazy_example"]
