local a = { name = "A" };
local b = { name = "B" };
function who() { return this.name; }
local wa = who.bindenv(a);
print(wa());
b.f <- wa;
print(b.f());
print(who.call(b));
