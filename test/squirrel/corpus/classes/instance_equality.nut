class A {}
local a = A(), b = A();
print(a == a);
print(a == b);
local c = a;
print(c == a);
