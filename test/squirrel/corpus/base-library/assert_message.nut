assert(true);
assert(1, "msg");
try { assert(false, "custom"); } catch (e) { print(typeof e); }
print("done");
