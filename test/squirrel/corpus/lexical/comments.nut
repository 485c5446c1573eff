// line comment
print("a"); // trailing comment
/* block
   comment */ print("b");
# hash comment
print(/* inline */ "c");
/* a /* blocks do not nest */ print("d");
