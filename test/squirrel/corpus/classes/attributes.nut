class Widget </ kind = "ui", ver = 2 /> {
  </ label = "width in px" />
  width = 10;
  function draw() {}
}
print(Widget.getattributes(null).kind);
print(Widget.getattributes(null).ver);
print(Widget.getattributes("width").label);
print(Widget.getattributes("draw"));
