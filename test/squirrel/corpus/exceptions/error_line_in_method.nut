class A {
  function run() {
    local x = null;
    return x + 1;
  }
}
A().run();
