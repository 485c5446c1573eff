local add = function(a, b) { return a + b; };
print(add(2, 3));
local ops = { mul = function(a, b) { return a * b; } };
print(ops.mul(4, 5));
print(typeof add);
print((function(x) { return x + 1; })(9));
