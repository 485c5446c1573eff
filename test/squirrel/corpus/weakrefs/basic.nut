local t = { v = 1 };
local w = t.weakref();
print(typeof w);
print(w.ref() == t);
print(w.ref().v);
