local t = { a = 1 };
print(t.a);
print(t.b);
