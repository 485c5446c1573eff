local a = [1];
print(a.pop());
print(a.len());
a.pop();
