local t = { f = null };
print("before");
t.f();
