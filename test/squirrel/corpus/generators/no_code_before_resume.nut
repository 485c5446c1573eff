function g() { print("started"); yield 1; }
local it = g();
print("created");
print(resume it);
