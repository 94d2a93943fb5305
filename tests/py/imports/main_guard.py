import sys
print(__name__, sys.modules["__main__"] is sys.modules[__name__])
import mod_simple
print(mod_simple.where(), mod_simple.__name__)
def main():
    print("main() called because __name__ ==", repr(__name__))
if __name__ == "__main__":
    main()
print(__spec__ is None, __package__ is None, "__file__" in globals(), __file__)
