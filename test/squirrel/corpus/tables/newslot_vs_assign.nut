local t = {};
t.a <- 1;
print(t.a);
t.a = 2;
print(t.a);
t.b = 3;
