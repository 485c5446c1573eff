class A { x = 5; constructor() { print("ctor"); } }
local a = A();
print(a.getclass() == A);
local b = A.instance();
print(b.x);
print(b instanceof A);
