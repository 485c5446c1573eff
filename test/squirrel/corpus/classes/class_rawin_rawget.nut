class A { x = 1; static S = "s"; function m() { return "m"; } }
print(A.rawin("x"));
print(A.rawin("nope"));
print(A.rawget("S"));
print(A.rawget("m")());
