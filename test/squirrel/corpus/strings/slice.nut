local s = "abcdef";
print(s.slice(2));
print(s.slice(1, 3));
print(s.slice(-2));
print(s.slice(0, -1));
print(s.slice(3, 3).len());
print(s.slice(2, 10));
