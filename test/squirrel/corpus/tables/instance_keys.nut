class K {}
local k1 = K(), k2 = K();
local t = {};
t[k1] <- "first";
t[k2] <- "second";
local arr = [];
t[arr] <- "array";
print(t[k1]);
print(t[k2]);
print(t[arr]);
print(t.len());
