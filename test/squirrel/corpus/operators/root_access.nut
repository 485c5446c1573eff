g <- "global";
local g = "local";
print(g);
print(::g);
function f() { return ::g; }
print(f());
::h <- 5;
print(h);
