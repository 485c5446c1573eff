local factor = 2;
function scaled(arr) { foreach (v in arr) yield v * factor; }
local g = scaled([1, 2, 3]);
print(resume g);
factor = 10;
print(resume g);
print(resume g);
