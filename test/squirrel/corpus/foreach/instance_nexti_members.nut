class Rec {
  a = 1;
  b = 2;
  keys = null;
  constructor() { keys = ["a", "b"]; }
  function _nexti(prev) {
    local idx = prev == null ? 0 : keys.find(prev) + 1;
    return idx < keys.len() ? keys[idx] : null;
  }
}
foreach (k, v in Rec()) print(k + "=" + v);
