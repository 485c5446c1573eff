print(5 instanceof {});
