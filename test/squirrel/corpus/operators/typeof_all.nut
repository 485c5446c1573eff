print(typeof null);
print(typeof 1);
print(typeof 1.0);
print(typeof true);
print(typeof "s");
print(typeof {});
print(typeof []);
print(typeof print);
print(typeof function() {});
class C {}
print(typeof C);
print(typeof C());
function g() { yield 1; }
print(typeof g());
print(typeof C().weakref());
