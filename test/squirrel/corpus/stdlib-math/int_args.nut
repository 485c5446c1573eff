print(math.sqrt(2));
print(math.pow(2.5, 2));
print(math.fabs(-3));
print(math.floor(5));
print(math.ceil(-0.5) == 0);
