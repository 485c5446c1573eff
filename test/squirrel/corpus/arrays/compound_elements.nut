local a = [1, 2, 3];
a[0] += 10;
a[1] *= 3;
a[2]++;
print(a[0] + " " + a[1] + " " + a[2]);
local i = 0;
a[i++] = 99;
print(a[0] + " " + i);
