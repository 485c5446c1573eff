function letters() { yield "x"; yield "y"; }
local a = letters(), b = letters();
print(resume a);
print(resume b);
print(resume a);
print(resume b);
