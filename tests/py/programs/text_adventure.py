# A text adventure driven by a scripted list of commands (own design).
ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "a silent library", "exits": {"south": "hall", "up": "tower"}, "items": ["book"], "dark": True},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": ["knife", "bread"]},
    "cellar": {"desc": "a damp cellar", "exits": {"up": "kitchen"}, "items": ["key"], "locked": "key_from_inside"},
    "tower": {"desc": "the top of the tower", "exits": {"down": "library"}, "items": [], "locked": "key"},
}
class Game:
    def __init__(self):
        self.room = "hall"
        self.inventory = []
        self.moves = 0
        self.score = 0
        self.over = False
        self.visited = {"hall"}
    def say(self, msg):
        print(f"[{self.moves:02d}] {msg}")
    def look(self):
        r = ROOMS[self.room]
        if r.get("dark") and "lamp" not in self.inventory:
            self.say("It is pitch dark.")
            return
        items = ", ".join(r["items"]) or "nothing"
        exits = ", ".join(sorted(r["exits"]))
        self.say(f"You are in {r['desc']}. You see: {items}. Exits: {exits}.")
    def go(self, direction):
        r = ROOMS[self.room]
        if direction not in r["exits"]:
            self.say(f"You can't go {direction}.")
            return
        target = r["exits"][direction]
        lock = ROOMS[target].get("locked")
        if lock == "key" and "key" not in self.inventory:
            self.say("The door is locked.")
            return
        self.room = target
        if target not in self.visited:
            self.visited.add(target)
            self.score += 5
        self.look()
        if target == "tower":
            self.say("You found the way out. You win!")
            self.score += 50
            self.over = True
    def take(self, item):
        r = ROOMS[self.room]
        if r.get("dark") and "lamp" not in self.inventory:
            self.say("You fumble in the dark.")
        elif item in r["items"]:
            r["items"].remove(item)
            self.inventory.append(item)
            self.score += 10
            self.say(f"Taken: {item}.")
        else:
            self.say(f"There is no {item} here.")
    def drop(self, item):
        if item in self.inventory:
            self.inventory.remove(item)
            ROOMS[self.room]["items"].append(item)
            self.say(f"Dropped: {item}.")
        else:
            self.say(f"You don't have {item}.")
    def handle(self, line):
        self.moves += 1
        words = line.lower().split()
        if not words:
            self.say("Say something.")
            return
        verb, *rest = words
        aliases = {"n": "north", "s": "south", "e": "east", "w": "west", "u": "up", "d": "down"}
        if verb in aliases or verb in ("north", "south", "east", "west", "up", "down"):
            self.go(aliases.get(verb, verb))
        elif verb == "go" and rest:
            self.go(aliases.get(rest[0], rest[0]))
        elif verb in ("take", "get") and rest:
            self.take(rest[0])
        elif verb == "drop" and rest:
            self.drop(rest[0])
        elif verb in ("look", "l"):
            self.look()
        elif verb in ("inventory", "i"):
            self.say("You carry: " + (", ".join(sorted(self.inventory)) or "nothing") + ".")
        else:
            self.say(f"I don't understand {line!r}.")
script = ["look", "take lamp", "n", "take book", "up", "s", "go east", "take knife", "take spoon", "d", "take key",
          "i", "dance wildly", "", "up", "w", "north", "drop book", "look", "u", "look"]
g = Game()
for cmd in script:
    if g.over:
        print("(game over, ignoring", repr(cmd) + ")")
        continue
    g.handle(cmd)
print("score", g.score, "moves", g.moves, "visited", sorted(g.visited), "inventory", sorted(g.inventory))
