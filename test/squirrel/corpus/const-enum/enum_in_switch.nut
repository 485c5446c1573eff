enum State { Idle, Busy, Done }
function describe(s) {
  switch (s) {
    case State.Idle: return "idle";
    case State.Busy: return "busy";
    default: return "other";
  }
}
print(describe(State.Idle));
print(describe(State.Busy));
print(describe(State.Done));
