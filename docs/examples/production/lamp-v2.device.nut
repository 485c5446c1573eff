// SmartLamp application v2, device side (impt-emulator example).
const VERSION = "2";
local lamp = hardware.pinB;
lamp.configure(DIGITAL_OUT, 0);
agent.on("lamp.set", function(on) {
  lamp.write(on ? 1 : 0);
  server.log("Lamp " + (on ? "on" : "off"));
});
server.log("Lamp application v" + VERSION + " started");
