local t = { s = "a", n = 2 };
t.s += "b";
t.n *= 5;
t.n -= 1;
print(t.s + t.n);
class C { v = 1; function bump() { v += 10; return v; } }
print(C().bump());
