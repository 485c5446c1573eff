enum Color { Red, Green, Blue }
print(Color.Red);
print(Color.Green);
print(Color.Blue);
print(typeof Color.Red);
