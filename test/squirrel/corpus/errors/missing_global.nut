print("before");
print(undefinedThing);
