local t = { a = 1 };
print("a" in t);
print("b" in t);
local arr = [1, 2];
print(1 in arr);
class A {}
class B extends A {}
local b = B();
print(b instanceof A);
print(b instanceof B);
print(A() instanceof B);
print(5 instanceof A);
