def box(lines, title=None):
    width = max(len(l) for l in lines + ([title] if title else []))
    top = "┌" + (f"─{title}─".center(width + 2, "─") if title else "─" * (width + 2)) + "┐"
    out = [top]
    for l in lines:
        out.append("│ " + l.ljust(width) + " │")
    out.append("└" + "─" * (width + 2) + "┘")
    return "\n".join(out)
print(box(["hello", "wide world", "✓ done"], title="box"))
print(box(["x"]))
def bar_chart(data):
    m = max(data.values())
    for k, v in data.items():
        n = v * 20 // m
        print(f"{k:>6} {'█' * n}{'░' * (20 - n)} {v}")
bar_chart({"mon": 3, "tue": 7, "wed": 12, "thu": 1, "fri": 9})
tree = {"root": {"a": {"a1": {}, "a2": {}}, "b": {}, "c": {"c1": {}}}}
def show(t, prefix=""):
    items = list(t.items())
    for i, (k, sub) in enumerate(items):
        last = i == len(items) - 1
        print(prefix + ("└── " if last else "├── ") + k)
        show(sub, prefix + ("    " if last else "│   "))
show(tree)
