class D { function _get(k) { if (k == "magic") return 42; throw null; } }
local d = D();
print(d.magic);
print(d.other);
