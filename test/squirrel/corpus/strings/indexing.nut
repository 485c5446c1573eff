local s = "hello";
print(s[0]);
print(s[4]);
print(typeof s[0]);
print(s[1].tochar());
print(s.len());
print(s[5]);
