// agent
print(0.1 + 0.2 == 0.3);
print((16777216.0 + 1.0).tointeger());
print(0.1 + 0.2);
print(1.0 / 3);
