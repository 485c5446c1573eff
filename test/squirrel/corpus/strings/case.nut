print("Hello World".tolower());
print("Hello World".toupper());
print("123abc-XYZ".toupper());
print("".toupper().len());
