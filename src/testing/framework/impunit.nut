// impt's impUnit-compatible test framework (written for impt, API and log
// protocol of impUnit 1.2.3). Prepended to every test build by
// `impt test run`; needs no #require: it carries its own JSON encoder and
// Promise. A Promise class already defined (e.g. a #require'd library) is
// kept, and every object with a then() method counts as a promise.

// ---------------------------------------------------------------- JSON

__impUnitJSON <- {
  function encode(value) {
    switch (typeof value) {
      case "null": return "null";
      case "bool": return value ? "true" : "false";
      case "integer": return value.tostring();
      case "float":
        local f = value.tostring();
        return (f.find("n") != null || f.find("i") != null) ? this.string(f) : f;
      case "string": return this.string(value);
      case "array":
        local parts = [];
        foreach (item in value) parts.push(this.encode(item));
        return "[" + this.join(parts) + "]";
      case "table":
        local parts = [];
        foreach (k, v in value) parts.push(this.string(k.tostring()) + ":" + this.encode(v));
        return "{" + this.join(parts) + "}";
      case "blob":
        return this.string(value.tostring());
      case "instance":
        if ("_serialize" in value) return this.encode(value._serialize());
        local parts = [];
        foreach (k, v in value) {
          if (typeof v != "function") parts.push(this.string(k.tostring()) + ":" + this.encode(v));
        }
        return "{" + this.join(parts) + "}";
      default:
        return this.string(value.tostring());
    }
  }

  function join(parts) {
    local s = "";
    foreach (i, p in parts) s += (i == 0 ? p : "," + p);
    return s;
  }

  function string(s) {
    local out = "";
    local start = 0;
    local n = s.len();
    for (local i = 0; i < n; i++) {
      local c = s[i];
      if (c < 0) c += 256;
      if (c >= 32 && c != 34 && c != 92) continue;
      out += s.slice(start, i);
      if (c == 34) out += "\\\"";
      else if (c == 92) out += "\\\\";
      else if (c == 10) out += "\\n";
      else if (c == 13) out += "\\r";
      else if (c == 9) out += "\\t";
      else out += format("\\u%04x", c);
      start = i + 1;
    }
    return "\"" + out + s.slice(start) + "\"";
  }
};

// ---------------------------------------------------------------- Promise

class ImpUnitPromise {
  _state = 0;      // 0 pending, 1 fulfilled, 2 rejected
  _value = null;
  _handlers = null;

  constructor(action) {
    _handlers = [];
    local self = this;
    try {
      action(function(value = null) { self._resolve(value); }, function(reason = null) { self._settle(2, reason); });
    } catch (e) {
      _settle(2, e);
    }
  }

  function then(onFulfilled = null, onRejected = null) {
    local self = this;
    return ImpUnitPromise(function(resolve, reject) {
      self._handlers.push([onFulfilled, onRejected, resolve, reject]);
      self._flush();
    });
  }

  function fail(onRejected) {
    return then(null, onRejected);
  }

  function finally(always) {
    return then(function(value) { always(value); return value; }, function(reason) { always(reason); throw reason; });
  }

  function resolve(value = null) {
    return ImpUnitPromise(function(ok, err) { ok(value); });
  }

  function reject(reason = null) {
    return ImpUnitPromise(function(ok, err) { err(reason); });
  }

  function all(promises) {
    return ImpUnitPromise(function(ok, err) {
      local results = array(promises.len());
      local left = promises.len();
      if (left == 0) return ok(results);
      foreach (i, p in promises) {
        local index = i;
        (ImpUnitPromise._thenable(p) ? p : ImpUnitPromise.resolve(p)).then(function(v) {
          results[index] = v;
          if (--left == 0) ok(results);
        }, err);
      }
    });
  }

  function race(promises) {
    return ImpUnitPromise(function(ok, err) {
      foreach (p in promises) (ImpUnitPromise._thenable(p) ? p : ImpUnitPromise.resolve(p)).then(ok, err);
    });
  }

  function _thenable(value) {
    return typeof value == "instance" && ("then" in value) && typeof value.then == "function";
  }

  function _resolve(value) {
    if (_state != 0) return;
    if (value == this) return _settle(2, "A promise cannot be resolved with itself");
    if (ImpUnitPromise._thenable(value)) {
      local self = this;
      try {
        value.then(function(v = null) { self._resolve(v); }, function(r = null) { self._settle(2, r); });
      } catch (e) {
        _settle(2, e);
      }
      return;
    }
    _settle(1, value);
  }

  function _settle(state, value) {
    if (_state != 0) return;
    _state = state;
    _value = value;
    _flush();
  }

  function _flush() {
    if (_state == 0 || _handlers.len() == 0) return;
    local handlers = _handlers;
    _handlers = [];
    local self = this;
    imp.wakeup(0, function() {
      foreach (h in handlers) self._run(h);
    });
  }

  function _run(h) {
    local fn = _state == 1 ? h[0] : h[1];
    if (fn == null) {
      if (_state == 1) h[2](_value);
      else h[3](_value);
      return;
    }
    local result = null;
    try {
      result = fn(_value);
    } catch (e) {
      h[3](e);
      return;
    }
    h[2](result);
  }
}

if (!("Promise" in getroottable())) ::Promise <- ImpUnitPromise;

// ---------------------------------------------------------------- ImpTestCase

class ImpTestCase {
  runner = null;
  session = null;
  assertions = 0;

  function info(message = "") {
    runner._send("INFO", { message = message });
  }

  function runCommand(command = "") {
    runner._send("EXTERNAL_COMMAND", { command = command.tostring() });
  }

  function assertTrue(condition, message = "Failed to assert that condition is true") {
    assertions++;
    if (!condition) throw message;
  }

  function assertEqual(expected, actual, message = "Expected value: %s, got: %s") {
    assertions++;
    if (expected != actual) throw format(message, expected + "", actual + "");
  }

  function assertGreater(actual, cmp, message = "Failed to assert that %s > %s") {
    assertions++;
    if (actual <= cmp) throw format(message, actual + "", cmp + "");
  }

  function assertLess(actual, cmp, message = "Failed to assert that %s < %s") {
    assertions++;
    if (actual >= cmp) throw format(message, actual + "", cmp + "");
  }

  function assertClose(expected, actual, maxDiff, message = "Expected value: %s±%s, got: %s") {
    assertions++;
    if (fabs(expected - actual) > maxDiff) throw format(message, expected + "", maxDiff + "", actual + "");
  }

  function assertBetween(actual, from, to, message = "Expected value the range of %s..%s, got %s") {
    assertions++;
    local lo = from, hi = to;
    if (from > to) {
      lo = to;
      hi = from;
    }
    if (actual < lo || actual > hi) throw format(message, lo + "", hi + "", actual + "");
  }

  function assertThrowsError(fn, ctx, args = null, message = "Function was expected to throw an error") {
    assertions++;
    if (args == null) args = [];
    args.insert(0, ctx);
    try {
      fn.pacall(args);
    } catch (e) {
      return e;
    }
    throw message;
  }

  function assertDeepEqual(expected, actual, message = "Comparison failed on '%s': expected %s, got %s") {
    assertions++;
    _compare(expected, actual, "", 0, message, true);
    _compare(actual, expected, "", 0, message, false);
  }

  function _compare(lhs, rhs, path, depth, message, forward) {
    local shown = path.len() > 0 ? path.slice(1) : path;
    if (depth > 32) throw "Possible cyclic reference at " + shown;
    local lt = typeof lhs, rt = typeof rhs;
    if (lt != rt) throw "Values are not the same type, typeof lhs = " + lt + ", typeof rhs = " + rt;
    if (lt == "blob") {
      if (lhs.len() != rhs.len()) throw "Blob lengths unequal, lhs.len() == " + lhs.len() + ", rhs.len() == " + rhs.len();
      local diff = 0;
      for (local i = 0; i < lhs.len(); i++) diff = diff | (lhs[i] ^ rhs[i]);
      if (diff != 0) throw "Blobs are the same length (" + lhs.len() + " bytes), but the contents are not identical.";
      return;
    }
    if (lt == "table" || lt == "class" || lt == "array") {
      foreach (k, v in lhs) {
        local p = path + "." + k;
        if (!(k in rhs)) {
          if (forward) throw format(message, p.slice(1), v + "", "none");
          throw format(message, p.slice(1), "none", v + "");
        }
        _compare(v, rhs[k], p, depth + 1, message, forward);
      }
      return;
    }
    if (lhs != rhs) throw format(message, shown, lhs + "", rhs + "");
  }
}

// ---------------------------------------------------------------- ImpUnitRunner

class ImpUnitRunner {
  timeout = 2;
  readableOutput = true;
  stopOnFailure = false;
  session = null;
  testClass = "";
  testCase = "";
  tests = 0;
  assertions = 0;
  failures = 0;

  _steps = null;
  _next = 0;
  _finished = false;

  function run() {
    _send("SESSION_START", "");
    _steps = _collect();
    _next = 0;
    _step();
  }

  function _isCase(cls) {
    local parent = cls.getbase();
    while (parent != null) {
      if (parent == ImpTestCase) return true;
      parent = parent.getbase();
    }
    return false;
  }

  function _collect() {
    local steps = [];
    foreach (name, value in getroottable()) {
      if (typeof value != "class" || !_isCase(value)) continue;
      if (testClass != null && testClass != "" && testClass != name) continue;
      local methods = [];
      foreach (member, fn in value) {
        if (typeof fn != "function" || typeof member != "string") continue;
        if (member.len() < 4 || member.slice(0, 4) != "test") continue;
        if (testCase != null && testCase != "" && testCase != member) continue;
        methods.push(member);
      }
      if (methods.len() == 0) continue;
      methods.sort();
      local instance = value();
      instance.runner = this;
      instance.session = session;
      if ("setUp" in instance) steps.push([name, "setUp", instance, false]);
      foreach (m in methods) steps.push([name, m, instance, true]);
      if ("tearDown" in instance) steps.push([name, "tearDown", instance, false]);
    }
    return steps;
  }

  function _now() {
    return ("hardware" in getroottable()) ? hardware.millis() / 1000.0 : time();
  }

  function _step() {
    if (_finished) return;
    if (_next >= _steps.len()) return _finish();
    local step = _steps[_next++];
    local instance = step[2];
    local method = step[1];
    collectgarbage();
    local before = instance.assertions;
    if (step[3]) tests++;
    _send("TEST_START", step[0] + "::" + method + "()");
    local started = _now();
    local result = null;
    try {
      result = instance[method]();
    } catch (e) {
      return _done(instance, before, true, e);
    }
    if (ImpUnitPromise._thenable(result)) return _wait(instance, before, result);
    local took = _now() - started;
    if (took > timeout) return _done(instance, before, true, "Test took " + took + "s, longer than timeout of " + timeout + "s");
    _done(instance, before, false, result);
  }

  function _wait(instance, before, promise) {
    local self = this;
    local settled = false;
    local timer = imp.wakeup(timeout, function() {
      if (settled) return;
      settled = true;
      self._done(instance, before, true, "Test timed out after " + self.timeout + "s");
    });
    local finish = function(failed, value) {
      if (settled) return;
      settled = true;
      if (timer != null) imp.cancelwakeup(timer);
      self._done(instance, before, failed, value);
    };
    try {
      promise.then(function(value = null) { finish(false, value); }, function(reason = null) { finish(true, reason); });
    } catch (e) {
      finish(true, e);
    }
  }

  function _done(instance, before, failed, value) {
    assertions += instance.assertions - before;
    if (failed) {
      failures++;
      _send("TEST_FAIL", value);
      if (stopOnFailure) return _finish();
    } else {
      _send("TEST_OK", value);
    }
    local self = this;
    imp.wakeup(0, function() { self._step(); });
  }

  function _finish() {
    if (_finished) return;
    _finished = true;
    _send("SESSION_RESULT", { tests = tests, assertions = assertions, failures = failures });
  }

  function _send(type, message) {
    if (readableOutput) {
      server.log("[impUnit:" + type + "] " + (typeof message == "string" ? message : __impUnitJSON.encode(message)));
      return;
    }
    server.log(__impUnitJSON.encode({ __IMPUNIT__ = 1, type = type, session = session, message = message }));
  }
}

__module_impUnit_exports <- { ImpTestCase = ImpTestCase, ImpUnitRunner = ImpUnitRunner };
