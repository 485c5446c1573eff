local class = 1;
