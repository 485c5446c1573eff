local t = {};
t["class"] <- 1;
t["while"] <- 2;
print(t["class"] + t["while"]);
local u = { ["function"] = "f" };
print(u["function"]);
