function none() {}
function early(x) { if (x) return "yes"; return "no"; }
print(none());
print(early(1));
print(early(0));
function multi() { return [1, "a"]; }
print(multi()[1]);
function bare() { return; }
print(bare());
