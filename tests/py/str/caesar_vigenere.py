def caesar(s, k):
    out = []
    for c in s:
        if c.isascii() and c.isalpha():
            base = ord("A") if c.isupper() else ord("a")
            out.append(chr((ord(c) - base + k) % 26 + base))
        else:
            out.append(c)
    return "".join(out)
msg = "The Quick Brown Fox, jumps over 13 lazy dogs!"
for k in (1, 3, 13, 25, -1):
    enc = caesar(msg, k)
    print(k, enc, caesar(enc, -k) == msg)
def vigenere(s, key, sign=1):
    out = []
    ki = 0
    for c in s:
        if c.isalpha():
            shift = (ord(key[ki % len(key)].lower()) - 97) * sign
            out.append(caesar(c, shift))
            ki += 1
        else:
            out.append(c)
    return "".join(out)
v = vigenere("attack at dawn", "lemon")
print(v, vigenere(v, "lemon", -1))
def freq(s):
    letters = [c.lower() for c in s if c.isalpha()]
    return sorted(((letters.count(ch), ch) for ch in set(letters)), reverse=True)[:3]
print(freq(msg))
