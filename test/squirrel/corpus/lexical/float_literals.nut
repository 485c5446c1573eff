print(1.5);
print(typeof 1.0);
print(1.0);
print(0.25);
print(1.5e3);
print(2.5e-3);
print(1e2);
print(typeof 1e2);
print(12.0e-1);
