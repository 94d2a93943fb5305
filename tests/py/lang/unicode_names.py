café = "coffee"
π = 3.14159
Σ = sum
print(café, π, Σ([1, 2, 3]))
class Ünïcode:
    δ = 1
print(Ünïcode.__name__, Ünïcode.δ)
def naïve(ä=1):
    return ä * 2
print(naïve(), naïve(ä=5))
ﬁ = "ligature normalized"
print(fi)
print("日本語".encode("utf-8"), len("日本語"))
print(ascii(café), repr(π))
