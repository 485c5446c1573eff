class Range {
  n = 0;
  constructor(n) { this.n = n; }
  function _nexti(prev) {
    if (prev == null) return n > 0 ? 0 : null;
    return prev + 1 < n ? prev + 1 : null;
  }
  function _get(i) { return i * 10; }
}
foreach (i, v in Range(3)) print(i + ":" + v);
foreach (v in Range(0)) print("never");
print("done");
