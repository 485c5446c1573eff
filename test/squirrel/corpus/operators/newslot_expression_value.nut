local t = {};
local v = (t.k <- 5);
print(v);
print(t.k);
