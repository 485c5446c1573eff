class A { x = 1; function m() {} static s = 2; }
local a = A();
print("x" in a);
print("m" in a);
print("s" in a);
print("zz" in a);
print("x" in A);
