function round(x) { return math.floor(x + 0.5).tointeger(); }
print(round(2.4));
print(round(2.5));
print(round(-1.2));
print(typeof round(1.0));
