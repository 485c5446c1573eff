print(0.1 + 0.2 == 0.3);
print((16777216.0 + 1.0).tointeger());
print(_floatsize_);
