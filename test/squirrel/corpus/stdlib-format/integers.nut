print(format("%d", 42));
print(format("%5d|", 42));
print(format("%-5d|", 42));
print(format("%05d", 42));
print(format("%+d", 42));
print(format("%d", -7));
print(format("%i", 3));
