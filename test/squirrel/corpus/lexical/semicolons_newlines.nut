local a = 1
local b = 2; local c = 3
print(a + b + c)
print("x"); print("y")
local t = {
  a = 1
  b = 2
}
print(t.a + t.b)
;;
print("end")
