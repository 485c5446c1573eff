print(_versionnumber_);
print(_charsize_);
print(_intsize_);
print(_floatsize_);
print(typeof _version_);
