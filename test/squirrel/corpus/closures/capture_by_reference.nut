local x = 1;
local f = function() { return x; };
x = 2;
print(f());
local g = function() { x = 10; };
g();
print(x);
print(f());
