print((1e9).tointeger());
print((-2.5).tointeger());
print((0.999).tointeger());
print((123.0).tointeger() + 1);
