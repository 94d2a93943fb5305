NAME = "gamma module (not in __all__)"
