print(!{});
print(!0.0);
print(![]);
print(!!"x");
