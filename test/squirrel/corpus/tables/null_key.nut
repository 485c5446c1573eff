local t = {};
t[null] <- 1;
