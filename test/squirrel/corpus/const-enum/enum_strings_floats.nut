enum Status { Ok = "ok", Fail = "fail", Code = 3.5 }
print(Status.Ok);
print(Status.Fail);
print(Status.Code);
function check(s) { return s == Status.Ok; }
print(check("ok"));
