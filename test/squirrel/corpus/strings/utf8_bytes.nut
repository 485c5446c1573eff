local s = "€";
print(s.len());
print(s[0] + " " + s[1] + " " + s[2]);
print(format("%c%c%c", s[0], s[1], s[2]));
local built = "";
foreach (b in s) built += b.tochar();
print(built == s);
