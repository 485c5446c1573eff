local _a = 1, a_b2 = 2, A = 3, a = 4;
print(_a + a_b2 + A + a);
local t = { foo = 1, _bar = 2, Baz9 = 3 };
print(t.foo + t._bar + t.Baz9);
local camelCase = "ok";
print(camelCase);
