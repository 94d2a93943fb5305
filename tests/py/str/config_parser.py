CONFIG = """
# comment line
[server]
host = example.org
port = 8080
debug=true

[paths]
root = /var/www   ; trailing comment
  logs = /var/log/app
empty =
[server]
port = 9090
"""
def parse(text):
    sections, cur = {}, None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split(";", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            cur = sections.setdefault(line[1:-1].strip(), {})
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"line {lineno}: expected key = value, got {raw!r}")
        cur[key.strip().lower()] = value.strip()
    return sections
conf = parse(CONFIG)
for sec, kv in conf.items():
    print(f"[{sec}]")
    for k, v in kv.items():
        print(f"  {k!r} -> {v!r}")
def typed(v):
    if v.lower() in ("true", "false"):
        return v.lower() == "true"
    if v.isdigit():
        return int(v)
    return v
print({k: typed(v) for k, v in conf["server"].items()})
try:
    parse("[s]\njust a line")
except ValueError as e:
    print("error:", e)
