local t = { a = 1, b = 2, c = 3 };
print(t.len());
t.clear();
print(t.len());
print("a" in t);
t.d <- 4;
print(t.len());
