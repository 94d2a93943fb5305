stack = []
for tok in "3 4 + 2 * 7 - 10 5 / +".split():
    if tok in "+-*/":
        b, a = stack.pop(), stack.pop()
        stack.append({"+": a + b, "-": a - b, "*": a * b, "/": a / b}[tok])
    else:
        stack.append(int(tok))
    print(tok, stack)
queue = []
for i in range(5):
    queue.append(i)
out = []
while queue:
    x = queue.pop(0)
    out.append(x)
    if x < 3:
        queue.append(x + 10)
print(out)
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for c in s:
        if c in "([{":
            st.append(c)
        elif c in pairs:
            if not st or st.pop() != pairs[c]:
                return False
    return not st
print([balanced(s) for s in ["()", "([]{})", "(]", "((", "", "{[()()]}", "}"]])
