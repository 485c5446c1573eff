local x = 5;
print(x > 1 && x < 10);
print(x < 1 || x > 4);
print(!(x == 5));
print(x != 5 || x >= 5);
