local i = 5;
print(i++);
print(i);
print(++i);
print(i--);
print(--i);
local f = 1.5;
f++;
print(f);
