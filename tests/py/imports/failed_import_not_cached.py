import sys
for attempt in range(2):
    try:
        import mod_raises
    except ValueError as e:
        print("attempt", attempt, type(e).__name__, e, "| cached:", "mod_raises" in sys.modules)
try:
    from mod_raises import LOADED
except ValueError as e:
    print("from-import also re-executes:", e)
