class P { a = 1; static S = 2; function m() {} }
print("a" in P);
print("S" in P);
print("m" in P);
print("zz" in P);
