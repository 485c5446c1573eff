class Widget {
  </ label = "old" />
  width = 10;
}
Widget.setattributes("width", { label = "new", unit = "px" });
local a = Widget.getattributes("width");
print(a.label + " " + a.unit);
