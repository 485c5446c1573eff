local a = [1, 2];
a.pop();
a.pop();
print("emptied");
a.pop();
