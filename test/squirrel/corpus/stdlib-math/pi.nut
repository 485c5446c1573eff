print(math.PI);
print(typeof math.PI);
print(math.PI * 2);
