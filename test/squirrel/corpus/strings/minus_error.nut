local s = "5";
print(s - 1);
