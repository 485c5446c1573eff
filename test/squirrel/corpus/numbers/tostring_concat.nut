print("" + 5);
print("" + 5.0);
print("" + -0.25);
print(1 + "");
print(1.5 + "x");
print(typeof ("" + 1));
print("" + 1e20);
