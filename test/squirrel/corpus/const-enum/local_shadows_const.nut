const X = 1;
function f() { local X = 2; return X; }
print(f());
print(X);
