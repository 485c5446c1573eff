print(format("%.3g", 3.14159));
print(format("%.2e", 0.000123));
print(format("%10.4f|", -1.5));
