local t = {};
t[1] <- "one";
print(t[1.0]);
t[2.0] <- "two";
print(t[2]);
t["1"] <- "str";
print(t[1]);
print(t["1"]);
print(t.len());
