local Account = {
  function deposit(n) { this.balance += n; return this; },
  function show() { return this.owner + ":" + this.balance; }
};
function newAccount(owner) {
  local a = { owner = owner, balance = 0 };
  a.setdelegate(Account);
  return a;
}
local x = newAccount("ann"), y = newAccount("bo");
x.deposit(5).deposit(10);
y.deposit(1);
print(x.show());
print(y.show());
