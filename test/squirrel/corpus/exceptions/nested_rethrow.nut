function inner() { throw "inner-error"; }
function middle() {
  try { inner(); }
  catch (e) { print("middle caught " + e); throw "middle-" + e; }
}
try { middle(); } catch (e) { print("outer caught " + e); }
