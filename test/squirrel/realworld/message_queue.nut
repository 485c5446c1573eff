// A reliable message queue in the style of the Electric Imp MessageManager
// library: messages get ids, wait for an ack, are retried with exponential
// backoff on failure or timeout, and give up after a number of attempts.
// Time is simulated: a Timers object keeps a sorted list of wakeups and the
// program advances the clock explicitly.

class Timers {
  _now = 0;
  _list = null;
  _seq = 0;

  constructor() { _list = []; }

  function now() { return _now; }

  function wakeup(delay, fn) {
    local t = { at = _now + delay, seq = _seq++, fn = fn, cancelled = false };
    _list.append(t);
    _list.sort(function(a, b) { return a.at != b.at ? a.at <=> b.at : a.seq <=> b.seq; });
    return t;
  }

  function cancel(t) { if (t != null) t.cancelled = true; }

  // Runs every timer due up to `until`, in order, including those scheduled meanwhile.
  function advance(until) {
    while (_list.len() > 0 && _list[0].at <= until) {
      local t = _list.remove(0);
      _now = t.at;
      if (!t.cancelled) t.fn();
    }
    _now = until;
  }
}

// A fake link to the other side. It fails the first `failures[name]` sends of a
// message name, drops (never acks) names listed in `drop`, and otherwise acks
// after `latency` ms by calling back into the queue.
class FakeLink {
  timers = null;
  failures = null;
  drop = null;
  latency = 5;
  sent = 0;
  onAck = null;

  constructor(timers) {
    this.timers = timers;
    failures = {};
    drop = {};
  }

  function send(msg) {
    sent++;
    if (msg.name in failures && failures[msg.name] > 0) {
      failures[msg.name]--;
      throw "link down";
    }
    if (msg.name in drop) return;
    local self = this;
    local id = msg.id;
    timers.wakeup(latency, function() { self.onAck(id, "ok:" + msg.name); });
  }
}

class MessageQueue {
  static MAX_ATTEMPTS = 4;
  static ACK_TIMEOUT = 20;
  static BASE_BACKOFF = 10;

  _timers = null;
  _link = null;
  _nextId = 1;
  _pending = null;
  _log = null;

  constructor(timers, link) {
    _timers = timers;
    _link = link;
    _pending = {};
    _log = [];
    link.onAck = _onAck.bindenv(this);
  }

  function send(name, data, handlers = null) {
    local msg = {
      id = _nextId++,
      name = name,
      data = data,
      attempts = 0,
      handlers = handlers == null ? {} : handlers,
      timer = null
    };
    _pending[msg.id] <- msg;
    _attempt(msg);
    return msg.id;
  }

  function _note(text) {
    _log.append(format("%4d %s", _timers.now(), text));
  }

  function _attempt(msg) {
    msg.attempts++;
    _note("send #" + msg.id + " " + msg.name + " try " + msg.attempts);
    try {
      _link.send(msg);
      msg.timer = _timers.wakeup(ACK_TIMEOUT, function() { _onTimeout(msg); }.bindenv(this));
    } catch (err) {
      _note("error #" + msg.id + ": " + err);
      _retry(msg, err);
    }
  }

  function _retry(msg, reason) {
    if (msg.attempts >= MAX_ATTEMPTS) {
      delete _pending[msg.id];
      _note("give up #" + msg.id + " after " + msg.attempts + " tries");
      if ("onFail" in msg.handlers) msg.handlers.onFail(msg, reason);
      return;
    }
    local backoff = BASE_BACKOFF * (1 << (msg.attempts - 1));
    _note("retry #" + msg.id + " in " + backoff);
    local self = this;
    _timers.wakeup(backoff, function() { self._attempt(msg); });
  }

  function _onTimeout(msg) {
    if (!(msg.id in _pending)) return;
    _note("timeout #" + msg.id);
    _retry(msg, "timeout");
  }

  function _onAck(id, reply) {
    if (!(id in _pending)) {
      _note("late ack #" + id + " ignored");
      return;
    }
    local msg = delete _pending[id];
    _timers.cancel(msg.timer);
    _note("ack #" + id + " " + reply);
    if ("onReply" in msg.handlers) msg.handlers.onReply(msg, reply);
  }

  function pendingCount() { return _pending.len(); }

  function dump() {
    foreach (line in _log) print(line);
    _log.clear();
  }
}

local timers = Timers();
local link = FakeLink(timers);
link.failures.flaky <- 2;
link.failures.broken <- 10;
link.drop.lost <- true;

local mq = MessageQueue(timers, link);
local replies = [];
local failures = [];
local handlers = {
  onReply = function(msg, reply) { replies.append(msg.name + "=" + reply); },
  onFail = function(msg, reason) { failures.append(msg.name + " (" + reason + ")"); }
};

mq.send("hello", { v = 1 }, handlers);
mq.send("flaky", [1, 2, 3], handlers);
mq.send("broken", null, handlers);
mq.send("lost", "x", handlers);
mq.send("quiet", 0);

print("pending after send: " + mq.pendingCount());
mq.dump();

timers.advance(50);
print("-- at 50, pending " + mq.pendingCount());
mq.dump();

timers.advance(500);
print("-- at 500, pending " + mq.pendingCount());
mq.dump();

replies.sort();
failures.sort();
print("replies: " + replies.len());
foreach (r in replies) print("  " + r);
print("failures: " + failures.len());
foreach (f in failures) print("  " + f);
print("link sends: " + link.sent);
