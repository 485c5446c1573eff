print("x");
throw 123;
