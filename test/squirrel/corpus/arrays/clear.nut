local a = [1, 2, 3];
a.clear();
print(a.len());
a.append("x");
print(a[0]);
