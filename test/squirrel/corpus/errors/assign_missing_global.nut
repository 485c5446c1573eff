x <- 1;
x = 2;
print(x);
y = 3;
