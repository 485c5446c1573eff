local r = regexp("^[a-z]+[0-9]*$");
print(r.match("abc123"));
print(r.match("abc"));
print(r.match("123abc"));
print(r.match(""));
