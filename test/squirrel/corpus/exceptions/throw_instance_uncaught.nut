class E { function _tostring() { return "custom error"; } }
print("start");
throw E();
