print("[" + strip("  hi  ") + "]");
print("[" + lstrip("  hi  ") + "]");
print("[" + rstrip("  hi  ") + "]");
print("[" + strip("\t\nx\r\n") + "]");
print("[" + strip("") + "]");
print("[" + strip("   ") + "]");
