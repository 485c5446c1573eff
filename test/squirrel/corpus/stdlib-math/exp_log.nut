print(math.exp(0));
print(math.log(1));
print(math.log10(1000));
print(format("%.3f", math.exp(1)));
print(format("%.3f", math.log(10)));
