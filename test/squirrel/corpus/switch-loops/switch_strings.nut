foreach (cmd in ["start", "stop", "pause"]) {
  switch (cmd) {
    case "start": print("starting"); break;
    case "stop": print("stopping"); break;
    default: print("unknown " + cmd);
  }
}
