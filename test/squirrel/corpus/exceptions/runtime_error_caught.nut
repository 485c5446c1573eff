try {
  local t = {};
  local x = t.missing;
} catch (e) {
  print(typeof e);
  print(e);
}
