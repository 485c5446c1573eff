// Partner code of smoother.device.test.nut, added to the agent during its
// test session: echoes every temperature report back to the device.
device.on("temperature", function(data) {
  ::latest = data.average;
  device.send("echo", data);
});
