class A { x = 3; }
local a = A();
local w = a.weakref();
print(w.ref().x);
print(typeof A.weakref());
local f = function() { return 1; };
print(f.weakref().ref()());
