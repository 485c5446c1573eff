// A small device library: a moving average of temperature readings, sent
// to the agent every few readings.
class Smoother {
  _window = null;
  _values = null;

  constructor(window) {
    if (window < 1) throw "window must be at least 1";
    _window = window;
    _values = [];
  }

  function add(value) {
    _values.push(value.tofloat());
    if (_values.len() > _window) _values.remove(0);
    return average();
  }

  function average() {
    if (_values.len() == 0) return null;
    local sum = 0.0;
    foreach (v in _values) sum += v;
    return sum / _values.len();
  }
}

function report(smoother, reading) {
  agent.send("temperature", { average = smoother.add(reading) });
}
