print(1 <=> 2);
print(2 <=> 1);
print(3 <=> 3);
print(1.5 <=> 2.5);
print(("a" <=> "b") < 0);
print(("b" <=> "a") > 0);
print(("a" <=> "a") == 0);
