results = []
for v in ["1", "x", "3", None, "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none")
        break
    finally:
        results.append("|")
print(results)
def first_valid(vals):
    for v in vals:
        try:
            return 100 / v
        except ZeroDivisionError:
            continue
        except TypeError:
            return "type error"
    return "none valid"
print(first_valid([0, 0, 4]), first_valid([0, "a"]), first_valid([0]))
total = 0
i = 0
while True:
    try:
        i += 1
        if i > 5:
            raise StopIteration
        if i % 2:
            raise ValueError(i)
        total += i
    except ValueError as e:
        total += 100 * e.args[0]
    except StopIteration:
        break
print(total)
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise ConnectionError(f"attempt {attempts}")
    return "success"
for _ in range(5):
    try:
        print(flaky())
        break
    except ConnectionError as e:
        print("retry after", e)
else:
    print("gave up")
