local d = { function _call(env, a, b) { return a * b + this.offset; } };
local t = { offset = 100 };
t.setdelegate(d);
print(t(2, 3));
