local a = [5, 3, 9, 1, 7];
a.sort();
print(a[0] + "," + a[1] + "," + a[2] + "," + a[3] + "," + a[4]);
local s = ["pear", "apple", "fig"];
s.sort();
print(s[0] + " " + s[1] + " " + s[2]);
