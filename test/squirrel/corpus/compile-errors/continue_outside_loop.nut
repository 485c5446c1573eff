continue;
