local e = "outer";
try { throw "inner"; } catch (e) { print(e); }
print(e);
