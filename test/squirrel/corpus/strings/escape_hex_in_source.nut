local s = "\x48\x69";
print(s);
print(s.len());
print("tab\there".find("\t"));
