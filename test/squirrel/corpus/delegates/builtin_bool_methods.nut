print(true.tostring());
print(false.tointeger());
print(typeof true.tofloat());
print((1 == 1).tostring() + "!");
