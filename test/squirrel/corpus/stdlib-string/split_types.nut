local parts = split("1.5|2|x", "|");
print(typeof parts[0]);
print(parts[0].tofloat() + parts[1].tointeger());
print(parts[2]);
