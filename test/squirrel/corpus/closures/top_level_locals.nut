local config = { level = 1 };
function readLevel() { return config.level; }
print(readLevel());
config.level = 5;
print(readLevel());
config = { level = 9 };
print(readLevel());
