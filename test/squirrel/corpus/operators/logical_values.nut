print(null || "default");
print("value" || "default");
print(0 && "never");
print(1 && "second");
print(!null);
print(!"");
print(!0);
print(false || 0);
