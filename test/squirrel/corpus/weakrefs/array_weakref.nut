local arr = [1, 2, 3];
local w = arr.weakref();
w.ref().append(4);
print(arr.len());
print(w.ref()[3]);
