// SmartLamp factory firmware, device side (impt-emulator example; run by
// `npm run demo`). One build for both roles, chosen at run time:
// - on the factory fixture (imp.configparams.factory_imp_device_id is its own
//   id) it waits for the operator's footswitch on pinA and then starts
//   factory BlinkUp through the LED on pinB: server.factoryblinkup() makes a
//   device under test (DUT);
// - on a DUT (factory_imp_device_id is the fixture's id) it tests the unit
//   and blesses it with server.bless(); the result goes to the DUT's agent,
//   which posts it to the fixture's agent, which tells the fixture to print a
//   label.
const SSID = "lamp-factory";
const PASSWORD = "lamp-factory-password";
// BlinkUp must not start again while the DUT is still receiving it
const BLINKUP_GUARD_S = 10;

function role() {
  if (!("factory_imp_device_id" in imp.configparams)) return "none";
  return imp.configparams.factory_imp_device_id == hardware.getdeviceid() ? "fixture" : "dut";
}

function runFixture() {
  local footswitch = hardware.pinA;
  local blinkupLed = hardware.pinB;
  local busy = false;
  blinkupLed.configure(DIGITAL_OUT, 0);
  footswitch.configure(DIGITAL_IN_PULLDOWN, function() {
    if (footswitch.read() != 1 || busy) return;
    busy = true;
    server.log("Footswitch pressed: factory BlinkUp");
    server.factoryblinkup(SSID, PASSWORD, blinkupLed, BLINKUP_FAST);
    imp.wakeup(BLINKUP_GUARD_S, function() { busy = false; });
  });
  agent.on("dut.result", function(result) {
    // the last unit this fixture handled, for the operator (and the demo)
    nv.lastDut <- result.device_id;
    nv.lastBlessed <- result.blessed;
    server.log("Label printed for " + result.device_id + (result.blessed ? " (blessed)" : " (FAILED: not blessed)"));
  });
  server.log("Factory fixture ready: press the footswitch (pinA)");
}

function selfTest() {
  // the lamp's LED driver takes a write, the supply is within range
  local led = hardware.pinB;
  led.configure(DIGITAL_OUT, 0);
  led.write(1);
  local volts = hardware.voltage();
  local ok = volts > 3.0 && volts < 3.6;
  server.log(format("DUT self-test: supply %.2f V, %s", volts, ok ? "pass" : "FAIL"));
  return ok;
}

function runDut() {
  local passed = selfTest();
  server.bless(passed, function(blessed) {
    hardware.pinB.write(blessed ? 1 : 0);
    server.log(blessed ? "Blessed: this unit is now a production device" : "Not blessed");
    agent.send("test.result", { device_id = hardware.getdeviceid(), passed = passed, blessed = blessed });
    // a production device must not come back with the factory's WiFi
    if (blessed) imp.clearconfiguration();
  });
}

switch (role()) {
  case "fixture": runFixture(); break;
  case "dut": runDut(); break;
  default: server.log("SmartLamp factory firmware: neither a fixture nor a device under test");
}
