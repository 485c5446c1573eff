local t = { a = 1, b = 2 };
print("a" in t);
print("z" in t);
local v = delete t.a;
print(v);
print("a" in t);
print(t.len());
delete t.zz;
