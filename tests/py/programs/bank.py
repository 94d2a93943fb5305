# A bank simulation with classes, custom exceptions and a transaction log.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"account {account.number}: cannot withdraw {amount}, balance is {account.balance}")
        self.account, self.amount = account, amount
class AccountFrozen(BankError):
    pass
class UnknownAccount(BankError, KeyError):
    def __str__(self):
        return f"no such account: {self.args[0]}"
class Account:
    next_number = 1000
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.number = Account.next_number
        Account.next_number += 1
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self._check()
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")
    def __repr__(self):
        return f"<{type(self).__name__} {self.number} {self.owner}: {self.balance}>"
class Savings(Account):
    rate_bp = 150
    def add_interest(self):
        interest = self.balance * self.rate_bp // 10000
        self.deposit(interest) if interest else None
        return interest
class Overdraft(Account):
    def __init__(self, owner, balance=0, limit=500):
        super().__init__(owner, balance)
        self.limit = limit
    def withdraw(self, amount):
        self._check()
        if amount > self.balance + self.limit:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []
    def open(self, cls, *args, **kw):
        acct = cls(*args, **kw)
        self.accounts[acct.number] = acct
        return acct
    def get(self, number):
        try:
            return self.accounts[number]
        except KeyError:
            raise UnknownAccount(number) from None
    def transfer(self, src, dst, amount):
        a, b = self.get(src), self.get(dst)
        a.withdraw(amount)
        try:
            b.deposit(amount)
        except BankError:
            a.deposit(amount)
            raise
        self.log.append((src, dst, amount))
bank = Bank()
alice = bank.open(Account, "alice", 100)
bob = bank.open(Savings, "bob", 2000)
carol = bank.open(Overdraft, "carol", limit=300)
ops = [("transfer", 1000, 1001, 50), ("transfer", 1000, 1001, 500), ("transfer", 1002, 1000, 250), ("transfer", 1002, 1000, 100),
       ("transfer", 1001, 9999, 1), ("deposit", 1000, -5), ("freeze", 1001), ("transfer", 1000, 1001, 10), ("interest", 1001),
       ("unfreeze", 1001), ("interest", 1001), ("withdraw", 1001, 2000)]
for op in ops:
    try:
        kind = op[0]
        if kind == "transfer":
            bank.transfer(*op[1:])
        elif kind == "deposit":
            bank.get(op[1]).deposit(op[2])
        elif kind == "withdraw":
            bank.get(op[1]).withdraw(op[2])
        elif kind == "freeze":
            bank.get(op[1]).frozen = True
        elif kind == "unfreeze":
            bank.get(op[1]).frozen = False
        elif kind == "interest":
            print("interest", bank.get(op[1]).add_interest())
        print("ok  ", op)
    except InsufficientFunds as e:
        print("FAIL", op, "InsufficientFunds:", e, "| short by", e.amount - e.account.balance)
    except BankError as e:
        print("FAIL", op, type(e).__name__ + ":", e, "| is KeyError:", isinstance(e, KeyError))
    except ValueError as e:
        print("FAIL", op, "ValueError:", e)
print(sorted(bank.accounts.values(), key=lambda a: a.number))
print(bank.log)
print({a.owner: a.history for a in bank.accounts.values()})
print(sum(a.balance for a in bank.accounts.values()), [c.__name__ for c in UnknownAccount.__mro__])
