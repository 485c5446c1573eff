class A { x = 1; }
local a = A();
a.x = 2;
print(a.x);
a.y <- 3;
