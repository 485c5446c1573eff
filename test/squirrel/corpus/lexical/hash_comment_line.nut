#!/usr/bin/env sq
print("start");
# another comment
local a = 5; # trailing hash comment
print(a);
