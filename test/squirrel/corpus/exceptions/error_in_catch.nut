try {
  try { throw "first"; }
  catch (e) { throw e + "+second"; }
} catch (e2) { print(e2); }
