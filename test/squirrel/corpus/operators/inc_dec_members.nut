local t = { n = 1 };
t.n++;
++t.n;
print(t.n);
local a = [5];
a[0]--;
print(a[0]);
print(t.n++ + 10);
print(t.n);
