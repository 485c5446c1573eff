local line = "  name = imp ; version=35 ";
local result = {};
foreach (pair in split(line, ";")) {
  local kv = split(pair, "=");
  result[strip(kv[0])] <- strip(kv[1]);
}
print(result.name);
print(result.version.tointeger() + 1);
