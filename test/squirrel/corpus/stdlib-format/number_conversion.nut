print(format("%d", 3.99));
print(format("%.1f", 7));
print(format("%5.1f%%", 45.25));
