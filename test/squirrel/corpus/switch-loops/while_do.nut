local i = 0;
while (i < 3) { print("w" + i); i++; }
local j = 10;
do { print("d" + j); j++; } while (j < 10);
