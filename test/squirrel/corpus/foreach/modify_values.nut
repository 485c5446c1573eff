local a = [1, 2, 3];
foreach (i, v in a) a[i] = v * 2;
print(a[0] + a[1] + a[2]);
foreach (v in a) v = 0;
print(a[0]);
