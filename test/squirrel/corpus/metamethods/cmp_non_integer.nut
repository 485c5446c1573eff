class B { function _cmp(o) { return "x"; } }
print(B() < B());
