local b = blob(1);
b[0] = 0x141;
print(b[0]);
b[0] = -1;
print(b[0]);
