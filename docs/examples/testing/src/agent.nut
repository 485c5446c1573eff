// The agent keeps the latest average the device reported.
latest <- null;

device.on("temperature", function(data) {
  ::latest = data.average;
});
