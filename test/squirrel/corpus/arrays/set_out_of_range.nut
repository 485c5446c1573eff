local a = [1];
a[0] = 5;
print(a[0]);
a[1] = 2;
