local t = { a = 1, inner = { x = 1 } };
local c = clone t;
c.a = 2;
c.inner.x = 5;
print(t.a);
print(t.inner.x);
print(c.a);
print(c == t);
print(c.inner == t.inner);
