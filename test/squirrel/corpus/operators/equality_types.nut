print([] == []);
print({} == {});
print("1" == 1);
print(true == 1);
print(null != 0);
local f = print;
print(f == print);
