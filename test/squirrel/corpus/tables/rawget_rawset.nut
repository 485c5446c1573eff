local t = { a = 1 };
t.rawset("b", 2);
print(t.rawget("b"));
print(t.rawin("a"));
print(t.rawin("z"));
t.rawdelete("a");
print("a" in t);
print(t.len());
