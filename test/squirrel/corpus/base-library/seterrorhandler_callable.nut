seterrorhandler(function(e) { });
print("handler set");
