class Shape {
  name = "";
  constructor() { name = describe(); }
  function describe() { return "shape"; }
}
class Circle extends Shape {
  function describe() { return "circle"; }
}
print(Circle().name);
print(Shape().name);
