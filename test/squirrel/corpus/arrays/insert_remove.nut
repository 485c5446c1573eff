local a = ["a", "b", "c"];
a.insert(1, "x");
print(a[0] + a[1] + a[2] + a[3]);
print(a.remove(2));
print(a.len());
a.insert(3, "end");
print(a[3]);
a.insert(0, "start");
print(a[0] + a[1]);
