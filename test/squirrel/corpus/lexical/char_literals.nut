print('a');
print('A' + 1);
print('\n');
print('\t');
print('\\');
print('\'');
print('0');
print(typeof 'x');
print(('a').tochar());
