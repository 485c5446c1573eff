local s = "héllo";
print(s);
print(s.len());
print(s[1]);
print(s[2]);
print("日本".len());
