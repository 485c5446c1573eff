print("abc" == "abc");
print("abc" < "abd");
print("b" > "abc");
print("" < "a");
print("A" < "a");
local a = "x" + "y";
print(a == "xy");
print("abc" != "abd");
