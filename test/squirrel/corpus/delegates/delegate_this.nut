local methods = {
  function describe() { return "I am " + this.name; },
  function rename(n) { this.name = n; }
};
local x = { name = "x" };
x.setdelegate(methods);
x.rename("y");
print(x.describe());
print(methods.rawin("name"));
