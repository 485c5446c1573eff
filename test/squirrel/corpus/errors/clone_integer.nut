local c = clone 5;
