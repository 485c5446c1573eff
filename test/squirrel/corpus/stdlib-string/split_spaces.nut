local words = split("the quick  brown fox", " ");
print(words.len());
print(words[2]);
print(split("no-separator", ",")[0]);
