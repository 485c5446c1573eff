print("a");
error("to stderr");
print("b");
