local proto = { count = 0 };
local obj = {};
obj.setdelegate(proto);
obj.count = 5;
print(proto.count);
print(obj.rawin("count"));
obj.count <- 7;
print(obj.count);
print(proto.count);
