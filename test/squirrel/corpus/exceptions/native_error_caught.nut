try { [].pop(); } catch (e) { print(typeof e); }
try { "abc".slice(5); } catch (e) { print(typeof e); }
try { ({}).nokey; } catch (e) { print(e); }
