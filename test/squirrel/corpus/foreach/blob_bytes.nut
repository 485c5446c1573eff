local b = blob();
b.writestring("Hi!");
local s = "";
foreach (i, v in b) s += i + "=" + v + " ";
print(s);
