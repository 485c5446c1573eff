local x = 5;
resume x;
