local target = { name = "target" };
local holder = { w = target.weakref() };
print(typeof holder.w);
print(holder.w.name);
local arr = [target.weakref()];
print(typeof arr[0]);
local w = target.weakref();
print(typeof w);
