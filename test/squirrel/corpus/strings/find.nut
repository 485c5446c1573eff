local s = "hello world";
print(s.find("o"));
print(s.find("o", 5));
print(s.find("xyz"));
print(s.find("hello"));
print(s.find("world", 6));
print(s.find("h", 1));
