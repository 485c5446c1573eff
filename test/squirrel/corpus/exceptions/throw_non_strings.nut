try { throw 42; } catch (e) { print(typeof e + " " + e); }
try { throw { code = 7 }; } catch (e) { print(typeof e + " " + e.code); }
try { throw [1, 2]; } catch (e) { print(e.len()); }
try { throw null; } catch (e) { print(e); }
class MyErr { msg = ""; constructor(m) { msg = m; } }
try { throw MyErr("bad"); } catch (e) { print((e instanceof MyErr) + " " + e.msg); }
try { throw 1.5; } catch (e) { print(typeof e); }
