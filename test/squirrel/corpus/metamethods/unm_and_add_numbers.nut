class Money {
  cents = 0;
  constructor(c) { cents = c; }
  function _add(o) { return Money(cents + (typeof o == "integer" ? o : o.cents)); }
  function _unm() { return Money(-cents); }
  function _tostring() { return format("%d.%02d", cents / 100, cents % 100); }
}
print(Money(150) + Money(275));
print(Money(100) + 5);
print((-Money(250)).cents);
