local t = { a = { b = { c = 42 } } };
print(t.a.b.c);
t.a.b.d <- 43;
print(t["a"]["b"]["d"]);
t.a.b.c += 1;
print(t.a.b.c);
