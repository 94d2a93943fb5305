print("mod_raises: executing")
LOADED = True
raise ValueError("mod_raises failed during import")
