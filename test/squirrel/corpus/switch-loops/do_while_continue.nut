local i = 0;
local s = "";
do {
  i++;
  if (i == 2) continue;
  s += i;
} while (i < 4);
print(s);
