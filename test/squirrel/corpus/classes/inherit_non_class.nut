local t = {};
class A extends t {}
