// A Promise implementation in the style of the Electric Imp Promise library,
// driven by a tiny event loop written in Squirrel: deferred callbacks run from a
// FIFO queue, timers fire in order of a simulated clock, and runLoop() drains
// everything at the end of the program (a bare VM has no imp.wakeup()).

local queue = [];
local timers = [];
local now = 0;
local timerSeq = 0;

function defer(fn) {
  queue.append(fn);
}

function setTimeout(ms, fn) {
  timers.append({ at = now + ms, seq = timerSeq++, fn = fn });
}

function runLoop() {
  while (true) {
    while (queue.len() > 0) {
      local fn = queue.remove(0);
      fn();
    }
    if (timers.len() == 0) break;
    local best = 0;
    for (local i = 1; i < timers.len(); i++) {
      local a = timers[i], b = timers[best];
      if (a.at < b.at || (a.at == b.at && a.seq < b.seq)) best = i;
    }
    local t = timers.remove(best);
    now = t.at;
    t.fn();
  }
}

class Promise {
  static VERSION = "1.0.0";
  _state = 0;      // 0 pending, 1 fulfilled, 2 rejected
  _value = null;
  _handlers = null;

  constructor(executor) {
    _handlers = [];
    local self = this;
    try {
      executor(function(v = null) { self._settle(1, v); }, function(e = null) { self._settle(2, e); });
    } catch (e) {
      _settle(2, e);
    }
  }

  function _settle(state, value) {
    if (_state != 0) return;
    if (state == 1 && value instanceof Promise) {
      local self = this;
      value.then(function(v) { self._settle(1, v); }, function(e) { self._settle(2, e); });
      return;
    }
    _state = state;
    _value = value;
    local pending = _handlers;
    _handlers = [];
    foreach (h in pending) _schedule(h);
  }

  function _schedule(h) {
    local self = this;
    defer(function() {
      local cb = self._state == 1 ? h.onOk : h.onErr;
      if (cb == null) {
        if (self._state == 1) h.resolve(self._value);
        else h.reject(self._value);
        return;
      }
      try {
        h.resolve(cb(self._value));
      } catch (e) {
        h.reject(e);
      }
    });
  }

  function then(onOk, onErr = null) {
    local self = this;
    return Promise(function(resolve, reject) {
      local h = { onOk = onOk, onErr = onErr, resolve = resolve, reject = reject };
      if (self._state == 0) self._handlers.append(h);
      else self._schedule(h);
    });
  }

  function fail(onErr) {
    return then(null, onErr);
  }

  function finally(fn) {
    return then(function(v) { fn(); return v; }, function(e) { fn(); throw e; });
  }

  function state() {
    return ["pending", "fulfilled", "rejected"][_state];
  }

  // Class-level helpers, called as Promise.resolved(x), Promise.all([...]), ...
  function resolved(v) {
    if (v instanceof Promise) return v;
    return Promise(function(resolve, reject) { resolve(v); });
  }

  function rejected(e) {
    return Promise(function(resolve, reject) { reject(e); });
  }

  function all(promises) {
    return Promise(function(resolve, reject) {
      local results = array(promises.len());
      local remaining = promises.len();
      if (remaining == 0) {
        resolve(results);
        return;
      }
      foreach (i, p in promises) {
        local idx = i;
        Promise.resolved(p).then(function(v) {
          results[idx] = v;
          remaining--;
          if (remaining == 0) resolve(results);
        }, reject);
      }
    });
  }

  function race(promises) {
    return Promise(function(resolve, reject) {
      foreach (p in promises) Promise.resolved(p).then(resolve, reject);
    });
  }
}

function delay(ms, value) {
  return Promise(function(resolve, reject) {
    setTimeout(ms, function() { resolve(value); });
  });
}

function failAfter(ms, err) {
  return Promise(function(resolve, reject) {
    setTimeout(ms, function() { reject(err); });
  });
}

function log(msg) {
  print("[" + now + "] " + msg);
}

log("sync start");

Promise.resolved(1)
  .then(function(v) { log("then1 " + v); return v + 1; })
  .then(function(v) { log("then2 " + v); return delay(10, v * 10); })
  .then(function(v) { log("then3 " + v); throw "boom"; })
  .then(function(v) { log("never reached"); })
  .fail(function(e) { log("fail " + e); return "recovered"; })
  .finally(function() { log("finally"); })
  .then(function(v) { log("after finally " + v); });

Promise.all([delay(30, "a"), delay(20, "b"), "c"]).then(function(vs) {
  log("all " + vs[0] + vs[1] + vs[2]);
});

Promise.all([delay(5, 1), failAfter(15, "nope"), delay(40, 2)]).then(
  function(vs) { log("never reached"); },
  function(e) { log("all failed: " + e); });

Promise.all([]).then(function(vs) { log("all of nothing: " + vs.len()); });

Promise.race([delay(25, "slow"), delay(12, "fast")]).then(function(v) { log("race won by " + v); });

Promise(function(resolve, reject) { throw "executor error"; })
  .fail(function(e) { log("caught " + e); });

local once = Promise(function(resolve, reject) { resolve("once"); resolve("twice"); reject("no"); });
once.then(function(v) { log("settled " + v); });
once.then(function(v) { log("settled again " + v); });

local chained = Promise.rejected("early").then(function(v) { return "not used"; });
chained.fail(function(e) { log("rejection passed through: " + e); });

local nested = Promise(function(resolve, reject) { resolve(delay(7, "inner")); });
nested.then(function(v) { log("adopted " + v + " state " + nested.state()); });

log("sync end, state of once: " + once.state() + ", nested: " + nested.state());
runLoop();
log("loop done, version " + Promise.VERSION);
