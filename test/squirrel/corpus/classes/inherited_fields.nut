class Base { a = 1; b = "base"; }
class Derived extends Base { b = "derived"; c = 3; }
local d = Derived();
print(d.a + " " + d.b + " " + d.c);
print(Base().b);
print("c" in Base());
