local s = "  Mixed Case  ";
print(strip(s).tolower().toupper().len());
print("abc".slice(1).toupper());
