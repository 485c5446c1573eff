function fibgen() {
  local a = 0, b = 1;
  while (true) { yield a; local t = a + b; a = b; b = t; }
}
local g = fibgen();
local s = "";
for (local i = 0; i < 10; i++) s += (resume g) + " ";
print(s);
