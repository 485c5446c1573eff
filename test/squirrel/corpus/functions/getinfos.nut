function foo(a, b = 1) {}
local i = foo.getinfos();
print(i.name);
print(i.parameters.len());
print(i.parameters[0] + " " + i.parameters[1] + " " + i.parameters[2]);
print(i.native);
print(i.varargs ? "varargs" : "fixed");
print(i.defparams.len());
print(i.defparams[0]);
print(print.getinfos().native);
