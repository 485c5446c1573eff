local url = "https://example.com/path?q=1";
local p = url.find("://");
local rest = url.slice(p + 3);
local slash = rest.find("/");
print(rest.slice(0, slash));
local q = url.find("?");
print(url.slice(q + 1));
