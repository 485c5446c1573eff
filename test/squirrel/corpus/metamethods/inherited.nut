class Base {
  function _inherited(attrs) { print("inherited"); }
}
class Child extends Base {}
class GrandChild extends Child {}
print("done");
