local f = "notfn";
f(1);
