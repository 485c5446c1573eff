print("42".tointeger());
print("-17".tointeger());
print("3.9".tointeger());
print("2.5".tofloat());
print("10".tofloat());
print(typeof "10".tofloat());
print("abc".tointeger());
