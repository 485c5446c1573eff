local inc = @(x) x + 1;
print(inc(4));
local arr = [1, 2, 3].map(@(v) v * v);
print(arr[2]);
local k = @() "const";
print(k());
local add = @(a, b = 10) a + b;
print(add(1));
