print(0x0);
print(00);
print(0x10 + 010 + 10);
print(1.0e0);
print(100.0e-2);
