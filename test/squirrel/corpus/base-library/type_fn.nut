print(type(1));
print(type("s"));
print(type(null));
print(type([]));
print(type({}));
print(type(1.5));
print(type(print));
print(type(true));
