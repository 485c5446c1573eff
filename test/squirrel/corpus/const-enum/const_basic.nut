const LIMIT = 10;
const NAME = "dev";
const RATIO = 0.5;
print(LIMIT * 2);
print(NAME + "!");
print(RATIO);
function f() { return LIMIT + 1; }
print(f());
