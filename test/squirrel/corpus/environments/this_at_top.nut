print(this == getroottable());
