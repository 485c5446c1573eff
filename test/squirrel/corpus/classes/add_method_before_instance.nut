class Greeter { name = "x"; }
Greeter.hello <- function() { return "hello " + name; };
Greeter.count <- 0;
local g = Greeter();
print(g.hello());
print(g.count);
