try { format("%d"); } catch (e) { print("missing arg error"); }
try { format("%d", "x"); } catch (e) { print("type error"); }
print(format("no args"));
