print(1);
print(1.25);
print(true);
print(null);
print("s");
print(-3);
