__all__ = ["public_a", "public_b", "_exported_private"]
public_a = "A"
public_b = "B"
not_listed = "not in __all__"
_exported_private = "private but listed"
_hidden = "hidden"
