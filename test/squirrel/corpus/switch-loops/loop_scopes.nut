local x = "outer";
for (local x = 0; x < 1; x++) print(x);
print(x);
{ local x = "block"; print(x); }
print(x);
