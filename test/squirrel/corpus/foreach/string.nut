foreach (i, c in "abc") print(i + ":" + c);
local s = "";
foreach (c in "hey") s += c.tochar().toupper();
print(s);
