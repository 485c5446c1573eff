// The Production Guide as a list of steps, shared by `npm run demo` (which
// prints every command and its output) and bench/requests.mjs (which counts
// the HTTP requests of every step).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const UNBOND_KEY = 'demo-unbond-key';

const SOURCES = {
  'app-device.nut': 'server.log("Lamp application v1 started");\n',
  'app-agent.nut': 'server.log("Lamp agent v1 ready");\n',
  'factory-device.nut': 'server.log("Factory fixture firmware running");\n',
  'factory-agent.nut': 'server.log("Factory agent ready");\n',
  'app-device-v2.nut': 'server.log("Lamp application v2 started");\n',
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the guide. `impt(args, opts)` runs one impt command and resolves to
 * `{code, out, data}`; `admin(method, path, body)` calls the simulator;
 * `section(title)` marks a group of steps.
 */
export async function productionGuide({ impt, admin, section, dir, endpoint, hooksUrl }) {
  for (const [name, text] of Object.entries(SOURCES)) writeFileSync(join(dir, name), text);
  const f = (name) => join(dir, name);

  section('Login');
  await impt(['auth', 'login', '--endpoint', endpoint, '--user', 'demo', '--pwd', 'demo', '--confirmed']);
  await impt(['auth', 'info']);

  section('Product and development groups');
  await impt(['product', 'create', '--name', 'SmartLamp', '--descr', 'Smart lamp']);
  await impt(['product', 'list']);
  await impt(['dg', 'create', '--name', 'LampDev', '--dg-type', 'development', '--product', 'SmartLamp']);
  await impt(['build', 'deploy', '--dg', 'LampDev', '--device-file', f('app-device.nut'), '--agent-file', f('app-agent.nut'), '--tag', 'app-v1', '--descr', 'Lamp v1']);
  await impt(['dg', 'create', '--name', 'LampPreProduction', '--dg-type', 'pre-production', '--product', 'SmartLamp']);
  await impt(['dg', 'create', '--name', 'LampPreDUT', '--dg-type', 'pre-dut', '--product', 'SmartLamp']);
  await impt(['dg', 'create', '--name', 'LampPreFactory', '--dg-type', 'pre-factory', '--product', 'SmartLamp', '--target', 'LampPreProduction', '--dut', 'LampPreDUT']);
  await impt(['build', 'deploy', '--dg', 'LampPreFactory', '--device-file', f('factory-device.nut'), '--agent-file', f('factory-agent.nut'), '--tag', 'factory-v1']);

  section('Production groups and builds');
  await impt(['dg', 'create', '--name', 'LampProduction', '--dg-type', 'production', '--product', 'SmartLamp']);
  await impt(['dg', 'update', '--dg', 'LampProduction', '--load-code-after-blessing', 'false']);
  await impt(['dg', 'create', '--name', 'LampDUT', '--dg-type', 'dut', '--product', 'SmartLamp']);
  await impt(['dg', 'create', '--name', 'LampFactory', '--dg-type', 'factory', '--product', 'SmartLamp', '--target', 'LampProduction', '--dut', 'LampDUT']);
  await impt(['build', 'copy', '--build', 'app-v1', '--dg', 'LampProduction']);
  await impt(['build', 'copy', '--build', 'app-v1', '--dg', 'LampDUT']);
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
  await impt(['dg', 'restart', '--dg', 'LampFactory']);
  await sleep(300);
  await impt(['log', 'get', '--device', 'fixture-1']);

  section('A DUT is made, blessed and activated');
  const dut = (await admin('POST', `factory/${fixture}/dut`))?.data?.id;
  await impt(['device', 'list', '--dg', 'LampDUT']);
  await admin('POST', `devices/${dut}/bless`, { success: true });
  await impt(['device', 'list', '--dg', 'LampProduction']);
  await admin('POST', `devices/${dut}/blinkup`);
  await sleep(500);
  await admin('GET', 'webhooks/deliveries');

  section('A new application version goes to production');
  await impt(['build', 'deploy', '--dg', 'LampDev', '--device-file', f('app-device-v2.nut'), '--agent-file', f('app-agent.nut'), '--tag', 'app-v2']);
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
