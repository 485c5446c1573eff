print(format("%s", "abc"));
print(format("[%10s]", "right"));
print(format("[%-10s]", "left"));
print(format("[%.2s]", "abcdef"));
print(format("%s=%d", "x", 5));
print(format("100%%"));
