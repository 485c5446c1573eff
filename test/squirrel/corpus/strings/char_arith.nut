local s = "abc";
local out = "";
for (local i = s.len() - 1; i >= 0; i--) out += s[i].tochar();
print(out);
print(('a' + 2).tochar());
print("z"[0] - "a"[0]);
