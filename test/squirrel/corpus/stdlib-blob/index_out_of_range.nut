local b = blob(2);
print(b[1]);
try { print(b[2]); } catch (e) { print("out of range"); }
