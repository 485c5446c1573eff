print(1 + 1.5);
print(typeof (1 + 1.5));
print(typeof (2 * 2));
print(typeof (2 * 2.0));
print(7 / 2.0);
print(7.5 % 2);
print(-7.5 % 2);
print(10 - 0.5);
print(3 * 0.5);
