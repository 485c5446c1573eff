enum Pin { A = "pinA", B = "pinB" }
local state = {};
state[Pin.A] <- 1;
state[Pin.B] <- 0;
print(state.pinA + state.pinB);
print(Pin.A in state);
