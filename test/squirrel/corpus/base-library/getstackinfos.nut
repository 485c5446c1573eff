function where() {
  local info = getstackinfos(1);
  return info.func + "@" + info.line;
}
print(where());
function outer() {
  return getstackinfos(2).func;
}
print(outer());
