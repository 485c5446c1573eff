local t = { a = 1, ["b"] = 2, c = "x", [10] = "ten" };
print(t.a);
print(t["b"]);
print(t.c);
print(t[10]);
local j = { "k1": 1, "k2": [1, 2] };
print(j.k1);
print(j["k2"].len());
print(t.len());
