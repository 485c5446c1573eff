local a, b, c;
print(a);
a = b = c = 7;
print(a + b + c);
