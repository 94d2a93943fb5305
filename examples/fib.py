# A first example: Fibonacci numbers, iteratively and with a generator.
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


if __name__ == "__main__":
    print([fib(i) for i in range(10)])
    gen = fibs()
    print(sum(next(gen) for _ in range(100)))
