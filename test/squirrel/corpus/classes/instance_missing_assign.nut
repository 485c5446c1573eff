class A { x = 1; }
local a = A();
a.y = 3;
