local counter = { count = 0 };
function incr() { count++; }
incr.call(counter);
incr.call(counter);
print(counter.count);
