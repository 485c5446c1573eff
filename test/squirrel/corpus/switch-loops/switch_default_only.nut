switch (3) { default: print("only default"); }
