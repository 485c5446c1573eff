print(typeof collectgarbage());
print(resurrectunreachable());
