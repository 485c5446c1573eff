local a = [10, 20, 30];
print(0 in a);
print(2 in a);
print(3 in a);
print(-1 in a);
