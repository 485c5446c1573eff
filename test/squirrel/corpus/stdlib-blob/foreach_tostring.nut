local b = blob();
b.writestring("AB");
b.writen(33, 'b');
local sum = 0;
foreach (i, v in b) sum += v;
print(sum);
print(b.tostring());
