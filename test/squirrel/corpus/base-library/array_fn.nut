local a = array(3, 0);
a[1] = 5;
print(a[0] + a[1] + a[2]);
local b = array(0);
print(b.len());
local c = array(2, []);
c[0].append(1);
print(c[1].len());
