function deep(n) { return deep(n + 1) + 1; }
try { deep(0); } catch (e) { print(e); }
print("recovered");
