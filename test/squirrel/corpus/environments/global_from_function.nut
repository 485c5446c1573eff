function setG() { ::counter <- 1; }
setG();
print(counter);
function bump() { ::counter += 1; }
bump();
bump();
print(::counter);
