print(math.sin(0));
print(math.cos(0));
print(format("%.4f", math.sin(math.PI / 2)));
print(format("%.4f", math.atan2(1, 1)));
print(format("%.5f", math.PI));
print(math.tan(0));
print(format("%.4f", math.acos(0)));
print(format("%.4f", math.asin(1)));
print(format("%.4f", math.atan(1)));
