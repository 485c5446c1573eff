function bad() { throw "bad thing"; }
try { bad.pcall(this); } catch (e) { print("caught " + e); }
