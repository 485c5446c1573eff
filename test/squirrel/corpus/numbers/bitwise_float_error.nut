print(3 & 1);
print(1.0 & 1);
