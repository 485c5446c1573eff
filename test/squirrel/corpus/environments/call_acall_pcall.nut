function add(a, b) { return this.offset + a + b; }
local env = { offset = 100 };
print(add.call(env, 1, 2));
print(add.acall([env, 3, 4]));
print(add.pcall(env, 5, 6));
print(add.pacall([env, 7, 8]));
