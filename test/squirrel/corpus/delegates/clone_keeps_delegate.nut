local proto = { hello = function() { return "hello"; } };
local t = { v = 1 };
t.setdelegate(proto);
local c = clone t;
print(c.hello());
print(c.getdelegate() == proto);
