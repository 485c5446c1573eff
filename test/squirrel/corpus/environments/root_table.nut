local root = getroottable();
root.newGlobal <- 42;
print(newGlobal);
print("print" in root);
print(root == ::getroottable());
print(typeof root);
