class A { x = 1; }
local a = A();
print(a.x);
print(a.nope);
