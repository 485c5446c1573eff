function f(a, b, ...) { return vargv.len(); }
print(f(1, 2));
print(f(1, 2, 3));
f(1);
