class AppError(Exception):
    """Base for the app."""
class ConfigError(AppError):
    def __init__(self, key, reason="missing"):
        super().__init__(f"config key {key!r}: {reason}")
        self.key = key
class NetworkError(AppError):
    pass
class RetryableNetworkError(NetworkError):
    def __init__(self, attempts):
        super().__init__(attempts)
        self.attempts = attempts
    def __str__(self):
        return f"failed after {self.attempts} attempts"
def op(kind):
    if kind == "config":
        raise ConfigError("db.url")
    if kind == "net":
        raise RetryableNetworkError(3)
    if kind == "plain":
        raise AppError("plain app error")
    return "ok"
for kind in ["config", "net", "plain", "none"]:
    try:
        print(op(kind))
    except NetworkError as e:
        print("network:", e, e.attempts, e.args)
    except AppError as e:
        print("app:", type(e).__name__, e, getattr(e, "key", None))
print(RetryableNetworkError.__mro__[1:4])
print(AppError.__doc__, ConfigError("k").args)
