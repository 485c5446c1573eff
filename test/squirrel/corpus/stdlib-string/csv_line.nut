local line = "id,name,score\n1,ann,90\n2,bo,85";
local rows = split(line, "\n");
local total = 0;
for (local i = 1; i < rows.len(); i++) total += split(rows[i], ",")[2].tointeger();
print(rows.len());
print(total);
