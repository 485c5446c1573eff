local x = 7;
switch (x) { case 1: print("one"); break; }
print("after");
