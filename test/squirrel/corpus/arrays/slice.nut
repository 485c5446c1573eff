local a = [0, 1, 2, 3, 4];
local b = a.slice(1, 3);
print(b.len() + " " + b[0] + " " + b[1]);
local c = a.slice(-2);
print(c[0] + " " + c[1]);
print(a.slice(2).len());
print(a.slice(0, -1).len());
print(a.slice(0, 10));
