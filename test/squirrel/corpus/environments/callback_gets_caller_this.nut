local obj = {
  val = 7,
  function run(cb) { return cb(); }
};
local res = obj.run(function() { return this.val; });
print(res);
