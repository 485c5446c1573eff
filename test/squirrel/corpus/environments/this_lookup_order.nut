value <- "root";
local t = { value = "table" };
function show() { return value; }
print(show());
print(show.call(t));
local value = "local";
function show2() { return value; }
print(show2.call(t));
