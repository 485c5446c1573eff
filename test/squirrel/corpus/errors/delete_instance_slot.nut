class A { x = 1; }
local a = A();
delete a.x;
