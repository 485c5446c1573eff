print(format("%f", 1.5));
print(format("%.2f", 3.14159));
print(format("%8.3f|", 2.5));
print(format("%e", 12345.678));
print(format("%g", 0.0001));
print(format("%g", 1234567.0));
print(format("%.0f", 2.5));
print(format("%f", 2));
