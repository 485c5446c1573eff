function compose(f, g) { return function(x) { return f(g(x)); }; }
local inc = function(x) { return x + 1; };
local dbl = function(x) { return x * 2; };
print(compose(inc, dbl)(5));
print(compose(dbl, inc)(5));
local fns = [inc, dbl, inc];
local v = 1;
foreach (fn in fns) v = fn(v);
print(v);
