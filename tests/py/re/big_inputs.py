# Large subjects: the matcher keeps its backtracking state off the C++
# stack, so deep repetition and long alternation chains do not overflow.
import re

n = 200000
s = 'ab' * n
print(len(re.match(r'(?:a|b)*', s).group()))
print(re.match(r'(a|b)*', s).span(), re.match(r'(a|b)*', s).group(1))
print(re.match(r'(?:ab)*?$', s).span())
print(re.match(r'(?:(a)|(b))+', s).lastindex)
print(re.fullmatch(r'(?:a(?=b)b)+', s) is not None)
print(re.match(r'(?:a|b)*c', s[:2000]))
print(re.search(r'(?:a|b)+c', s[:3000] + 'c').span())
print(len(re.findall(r'ab', s)), len(re.split('b', s)), len(re.sub('a', '', s)))
print(re.match(r'(?>(?:a|b)*)c', s + 'c').span())
print(re.match(r'(?:ab)++$', s).span())
t = 'x' * 100000 + 'y'
print(re.search(r'x*y', t).span(), re.search(r'(x)*y', t).span(), re.search(r'(?:x|z)*?y', t).span())
print(re.match(r'((x))*y', t).regs)
print(re.match(r'(x+)+y', 'x' * 30 + 'y').span())
print(len(re.sub(r'(x)', r'\1\1', t)), sum(1 for _ in re.finditer('x', t)))
u = '\u0101\u4e00' * 50000
print(re.match(r'(?:\u0101|\u4e00)*', u).end(), re.search(r'[\u4e00]+', u).span())
print(re.match(r'(?i)(?:\u0100|\u4e00)*', u).end())
nested = '(' * 50 + 'a' + ')' * 50
print(re.match(nested, 'a').lastindex)
