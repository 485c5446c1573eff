local ten = 10;
function classify(n) {
  switch (n) {
    case ten: return "base";
    case ten * 2: return "double";
    case "10": return "string ten";
  }
  return "none";
}
print(classify(10));
print(classify(20));
print(classify("10"));
print(classify(10.0));
print(classify(3));
