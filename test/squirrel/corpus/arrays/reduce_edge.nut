local one = [7];
print(one.reduce(function(a, b) { return a + b; }));
local empty = [];
print(empty.reduce(function(a, b) { return a + b; }));
local strs = ["a", "b", "c"];
print(strs.reduce(function(a, b) { return a + "-" + b; }));
