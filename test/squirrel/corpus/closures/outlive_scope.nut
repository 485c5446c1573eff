function mk() {
  local list = [];
  local add = function(v) { list.append(v); };
  add(1);
  add(2);
  return function() { return list.len(); };
}
print(mk()());
