people = [("Ann", 30, "Oslo"), ("Bob", 25, "Rome"), ("Cid", 30, "Bern"), ("Dee", 25, "Oslo"), ("Eve", 35, "Rome")]
print(sorted(people, key=lambda p: (p[1], p[0])))
print(sorted(people, key=lambda p: (-p[1], p[2])))
print(sorted(people, key=lambda p: (p[2], -p[1], p[0])))
groups = {}
for name, age, city in people:
    groups.setdefault(city, []).append((age, name))
print(sorted((city, sorted(v)) for city, v in groups.items()))
print(max(people, key=lambda p: (p[1], p[0])), min(people, key=lambda p: (p[2], p[1])))
print(sorted([(1, 2), (1,), (0, 5, 5), ()]))
