local t = { a = 1 };
t.a <- 2;
print(t.a);
print(t.len());
