class Animal {
  name = null;
  constructor(n) { name = n; }
  function speak() { return name + " makes a sound"; }
  function kind() { return "animal"; }
}
class Dog extends Animal {
  constructor(n) { base.constructor(n); }
  function speak() { return name + " barks; " + base.speak(); }
}
local d = Dog("Rex");
print(d.speak());
print(d.kind());
print(d instanceof Dog);
print(d instanceof Animal);
print(Animal("x") instanceof Dog);
