class A { x = 1; }
A.y <- 2;
local a = A();
print(a.y);
A.z <- 3;
