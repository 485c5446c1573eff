print(null < 1);
print(1 > null);
print("a" > null);
