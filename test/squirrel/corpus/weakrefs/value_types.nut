print(typeof (5).weakref());
print((5).weakref());
print(typeof (1.5).weakref());
print(typeof true.weakref());
print(null == null);
