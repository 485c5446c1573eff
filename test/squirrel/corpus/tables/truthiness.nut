if ({}) print("empty table true");
if ([]) print("empty array true");
if ("") print("empty string true");
if (0) print("no"); else print("0 false");
if (0.0) print("no"); else print("0.0 false");
if (null) print("no"); else print("null false");
if (-1) print("-1 true");
