def traffic_light():
    state = "red"
    while True:
        cmd = yield state
        if cmd == "reset":
            state = "red"
        elif state == "red":
            state = "green"
        elif state == "green":
            state = "yellow"
        else:
            state = "red"
tl = traffic_light()
print(next(tl), [tl.send(None) for _ in range(4)], tl.send("reset"), tl.send(None))
def tokenizer():
    tokens = []
    buf = ""
    while True:
        ch = yield
        if ch is None:
            if buf:
                tokens.append(buf)
            return tokens
        if ch.isspace():
            if buf:
                tokens.append(buf)
            buf = ""
        elif ch in "+-*/()":
            if buf:
                tokens.append(buf)
            tokens.append(ch)
            buf = ""
        else:
            buf += ch
t = tokenizer()
next(t)
for c in "12 + (34*x) - y2":
    t.send(c)
try:
    t.send(None)
except StopIteration as e:
    print(e.value)
def vending():
    credit = 0
    while True:
        event = yield credit
        kind, amount = event
        if kind == "coin":
            credit += amount
        elif kind == "buy":
            if credit >= amount:
                credit -= amount
                print(f"vend item costing {amount}, change {credit}")
                credit = 0
            else:
                print(f"need {amount - credit} more")
v = vending()
next(v)
for ev in [("coin", 25), ("buy", 50), ("coin", 50), ("buy", 50)]:
    v.send(ev)
