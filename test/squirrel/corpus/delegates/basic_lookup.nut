local proto = { greet = function() { return "hi " + this.name; }, kind = "proto" };
local obj = { name = "bob" };
obj.setdelegate(proto);
print(obj.greet());
print(obj.kind);
print(obj.getdelegate() == proto);
print("kind" in obj);
print(obj.rawin("kind"));
