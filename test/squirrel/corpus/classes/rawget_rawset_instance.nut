class A { x = 1; function _get(k) { if (k == "foo") return "meta:" + k; throw null; } }
local a = A();
print(a.x);
print(a.foo);
print(a.rawget("x"));
a.rawset("x", 9);
print(a.x);
print(a.rawin("foo"));
print(a.rawin("x"));
