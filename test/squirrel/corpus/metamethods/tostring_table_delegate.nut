local d = { function _tostring() { return "<table " + this.name + ">"; } };
local t = { name = "cfg" };
t.setdelegate(d);
print(t);
print("x" + t);
