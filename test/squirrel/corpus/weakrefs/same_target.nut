local t = {};
local w1 = t.weakref();
local w2 = t.weakref();
print(w1.ref() == w2.ref());
print(typeof w1.ref());
