case 1: print(1);
