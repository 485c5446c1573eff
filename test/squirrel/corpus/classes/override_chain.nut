class A { function who() { return "A"; } }
class B extends A { function who() { return "B>" + base.who(); } }
class C extends B { function who() { return "C>" + base.who(); } }
print(C().who());
print(B().who());
print(A().who());
