local calls = 0;
function t() { calls++; return true; }
function f() { calls++; return false; }
if (f() && t()) print("no");
print(calls);
if (t() || f()) print("yes");
print(calls);
