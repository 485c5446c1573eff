class Config {
  static VERSION = "1.2.3";
  static MAX = 10;
  value = 0;
}
print(Config.VERSION);
local c = Config();
print(c.VERSION);
print(c.MAX * 2);
