class Obj {
  static registry = [];
  id = 0;
  constructor(id) { this.id = id; registry.append(this); }
}
Obj(1); Obj(2); Obj(3);
print(Obj.registry.len());
print(Obj.registry[1].id);
