local a = [1, 2, 3];
print(a.len());
a.append(4);
a.push(5);
print(a.len());
print(a[4]);
print(a.top());
print(a.pop());
print(a.len());
