def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_in_finally())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"
print(swallow())
def finally_runs_on_return():
    try:
        return "value"
    finally:
        print("finally runs before return completes")
print(finally_runs_on_return())
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            out.append("f")
            continue
    return out
print(continue_in_finally())
def return_value_evaluated_first():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(return_value_evaluated_first())
def nested_finally():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested_finally())
def loop_return():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print("finally", i)
print(loop_return())
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n > 2:
                break
            continue
        finally:
            print("cleanup", n)
    return n
print(while_finally())
