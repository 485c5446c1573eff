// The Production Guide as a list of steps, shared by `npm run demo` (which
// prints every command and its output) and bench/requests.mjs (which counts
// the HTTP requests of every step).
import { join } from 'node:path';

export const UNBOND_KEY = 'demo-unbond-key';

/** The firmware the guide deploys: docs/examples/production (factory fixture + DUT code, the lamp application). */
export const EXAMPLES = new URL('../docs/examples/production/', import.meta.url).pathname;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the guide. `impt(args, opts)` runs one impt command and resolves to
 * `{code, out, data}`; `admin(method, path, body)` calls the simulator;
 * `section(title)` marks a group of steps.
 */
export async function productionGuide({ impt, admin, section, endpoint, hooksUrl }) {
  const f = (name) => join(EXAMPLES, name);
  const origin = new URL(endpoint).origin;
  /** Reads a device's VM state without a step of its own (waiting for what the code does). */
  const impState = async (device) => (await (await fetch(`${origin}/_emulator/devices/${device}/imp`)).json()).data;
  const until = async (what, check, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await check();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(200);
    }
  };

  section('Login');
  await impt(['auth', 'login', '--endpoint', endpoint, '--user', 'demo', '--pwd', 'demo', '--confirmed']);
  await impt(['auth', 'info']);

  section('Product and development groups');
  await impt(['product', 'create', '--name', 'SmartLamp', '--descr', 'Smart lamp']);
  await impt(['product', 'list']);
  await impt(['dg', 'create', '--name', 'LampDev', '--dg-type', 'development', '--product', 'SmartLamp']);
  await impt(['build', 'deploy', '--dg', 'LampDev', '--device-file', f('lamp.device.nut'), '--agent-file', f('lamp.agent.nut'), '--tag', 'app-v1', '--descr', 'Lamp v1']);
  await impt(['dg', 'create', '--name', 'LampPreProduction', '--dg-type', 'pre-production', '--product', 'SmartLamp']);
  await impt(['dg', 'create', '--name', 'LampPreDUT', '--dg-type', 'pre-dut', '--product', 'SmartLamp']);
  await impt(['dg', 'create', '--name', 'LampPreFactory', '--dg-type', 'pre-factory', '--product', 'SmartLamp', '--target', 'LampPreProduction', '--dut', 'LampPreDUT']);
  await impt(['build', 'deploy', '--dg', 'LampPreFactory', '--device-file', f('factory.device.nut'), '--agent-file', f('factory.agent.nut'), '--tag', 'factory-v1']);

  section('Production groups and builds');
  await impt(['dg', 'create', '--name', 'LampProduction', '--dg-type', 'production', '--product', 'SmartLamp']);
  await impt(['dg', 'update', '--dg', 'LampProduction', '--load-code-after-blessing', 'false']);
  await impt(['dg', 'create', '--name', 'LampDUT', '--dg-type', 'dut', '--product', 'SmartLamp']);
  await impt(['dg', 'create', '--name', 'LampFactory', '--dg-type', 'factory', '--product', 'SmartLamp', '--target', 'LampProduction', '--dut', 'LampDUT']);
  await impt(['build', 'copy', '--build', 'app-v1', '--dg', 'LampProduction']);
  // DUTs run the factory firmware too (its DUT branch)
  await impt(['build', 'copy', '--build', 'factory-v1', '--dg', 'LampDUT']);
  await impt(['build', 'copy', '--build', 'factory-v1', '--dg', 'LampFactory']);
  await impt(['dg', 'info', '--dg', 'LampFactory']);

  section('Webhooks');
  await impt(['webhook', 'create', '--dg', 'LampProduction', '--url', hooksUrl, '--event', 'blessing', '--mime', 'json']);
  await impt(['webhook', 'create', '--dg', 'LampProduction', '--url', hooksUrl, '--event', 'blinkup', '--mime', 'urlencoded']);
  await impt(['webhook', 'list', '--product', 'SmartLamp']);

  section('Factory fixture');
  const unassigned = await impt(['device', 'list', '--unassigned', '-z', 'json'], { json: true });
  const fixture = unassigned.data?.[0]?.Device?.id;
  await impt(['device', 'update', '--device', fixture, '--name', 'fixture-1']);
  await impt(['device', 'assign', '--device', 'fixture-1', '--dg', 'LampFactory', '--confirmed']);
  // the fixture firmware is up once it has configured its footswitch; the
  // restart after it boots the firmware again, which must be up (a VM started
  // since) before the footswitch is pressed: a press while the device
  // restarts would reach no code
  const firmwareUp = (state) => state?.device?.running && state.hardware?.config?.pinA;
  const firstBoot = await until('the fixture firmware', async () => {
    const state = await impState(fixture);
    return firmwareUp(state) && state.device.started_at;
  });
  await impt(['dg', 'restart', '--dg', 'LampFactory']);
  await until('the fixture firmware after the restart', async () => {
    const state = await impState(fixture);
    return firmwareUp(state) && state.device.started_at !== firstBoot;
  });
  await impt(['log', 'get', '--device', 'fixture-1']);

  section('The fixture makes a DUT, the DUT firmware blesses it');
  // the operator presses the fixture's footswitch: its code calls
  // server.factoryblinkup(), a DUT appears and runs the factory firmware's DUT
  // branch, which tests the unit and calls server.bless()
  await admin('POST', `devices/${fixture}/hardware`, { values: { pinA: 1 } });
  const dut = await until('the DUT result at the fixture', async () => (await impState(fixture))?.nv?.lastDut);
  await impt(['log', 'get', '--device', 'fixture-1']);
  await impt(['log', 'get', '--device', dut]);
  await impt(['device', 'list', '--dg', 'LampProduction']);

  section('The end user activates the lamp');
  await admin('POST', `devices/${dut}/blinkup`);
  await sleep(500);
  await admin('GET', 'webhooks/deliveries');

  section('A new application version goes to production');
  await impt(['build', 'deploy', '--dg', 'LampDev', '--device-file', f('lamp-v2.device.nut'), '--agent-file', f('lamp.agent.nut'), '--tag', 'app-v2']);
  await impt(['build', 'copy', '--build', 'app-v2', '--dg', 'LampProduction']);
  await impt(['dg', 'restart', '--dg', 'LampProduction', '--conditional']);
  await impt(['build', 'list', '--product', 'SmartLamp']);

  section('A second production group takes over');
  await impt(['dg', 'create', '--name', 'LampProduction2', '--dg-type', 'production', '--product', 'SmartLamp']);
  await impt(['build', 'copy', '--build', 'app-v2', '--dg', 'LampProduction2']);
  await impt(['dg', 'reassign', '--from', 'LampProduction', '--to', 'LampProduction2']);
  await impt(['dg', 'update', '--dg', 'LampFactory', '--target', 'LampProduction2']);
  await impt(['device', 'list', '--dg', 'LampProduction2']);

  section('Unblessing needs the unbond key');
  await impt(['dg', 'unassign', '--dg', 'LampProduction2'], { expectFail: true });
  await impt(['dg', 'unassign', '--dg', 'LampProduction2', '--unbond', UNBOND_KEY]);

  section('Cleanup');
  await impt(['product', 'info', '--product', 'SmartLamp', '--full']);
  await impt(['product', 'delete', '--product', 'SmartLamp', '--builds', '--force', '--confirmed']);
  await impt(['product', 'list']);
  await impt(['auth', 'logout']);
}
