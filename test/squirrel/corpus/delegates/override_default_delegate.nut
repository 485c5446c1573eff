local t = { a = 1 };
print(t.len());
local d = { function len() { return 99; } };
t.setdelegate(d);
print(t.len());
print(t.rawget("a"));
