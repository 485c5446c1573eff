function adder(n) { return function(x) { return x + n; }; }
local add5 = adder(5);
print(add5(10));
print(adder(-1)(1));
