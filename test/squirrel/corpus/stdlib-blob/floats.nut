local b = blob();
b.writen(1.5, 'f');
b.writen(-0.25, 'd');
print(b.len());
b.seek(0);
print(b.readn('f'));
print(b.readn('d'));
print(b.eos() ? "at end" : "more");
