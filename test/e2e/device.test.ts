// impt device … against the emulator (interface/device.md): every command in
// default, minimal and json modes, identification and its failures.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../helpers/emulator.js';
import { startLoggedIn } from '../helpers/logged-in.js';
import { tempDir, type ImptResult } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import type { client } from '../emulator/util.js';
import { answer } from './dg-tty.js';
import { until } from '../emulator/sim-helpers.js';

const dev = (n: number) => `30000c2a6900${String(n).padStart(4, '0')}`;
const SEED = {
  accounts: [
    { username: 'demo', email: 'demo@example.com', password: 'demo', collaborates_on: ['bob'] },
    { username: 'bob', email: 'bob@example.com', password: 'bob' },
  ],
  devices: [
    { id: dev(1), name: 'alpha', agent_id: 'agentAlpha01' },
    { id: dev(2), name: 'beta', device_online: false },
    { id: dev(3), name: 'twin' },
    { id: dev(4), name: 'twin' },
    { id: dev(5), name: 'bobdev', owner: 'bob' },
    ...[6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21].map((n) => ({ id: dev(n), name: `d${n}` })),
  ],
};

let emu: EmulatorHandle;
let home: string;
let api: ReturnType<typeof client>;

// in-process through the CLI boundary; the terminal questions (answer) stay on a pseudo-terminal
const run = (args: string[], opts: { cwd?: string } = {}): Promise<ImptResult> => runImpt(args, { home, cwd: opts.cwd ?? home });
const ok = (r: ImptResult) => {
  expect(r.code, r.stdout).toBe(0);
  return r.stdout;
};
const fails = (r: ImptResult, message: string) => {
  expect(r.code, r.stdout).toBe(1);
  expect(r.stdout).toContain(`Error: ${message}`);
  expect(r.stdout).not.toMatch(/\n\s+at /); // no stack trace
};

let seq = 0;
async function group(type = 'development_devicegroup'): Promise<{ product: any; dg: any }> {
  const product = await api.createProduct(`dev-p-${++seq}`);
  const dg = await api.createDg(product.id, type, `dev-g-${seq}`);
  return { product, dg };
}
const assign = (dgId: string, ...ids: string[]) =>
  api.post(`/devicegroups/${dgId}/relationships/devices`, { data: ids.map((id) => ({ type: 'device', id })) });

beforeAll(async () => {
  ({ emu, home, api } = await startLoggedIn(SEED));
});
afterAll(() => emu?.stop());

describe('device list', () => {
  it('lists every device with the list view, in all modes', async () => {
    const { dg } = await group();
    await assign(dg.id, dev(6));
    const out = ok(await run(['device', 'list']));
    expect(out).toMatch(/^Device list \(\d+ items\):\n/);
    expect(out.endsWith('IMPT COMMAND SUCCEEDS\n')).toBe(true);
    // online device: 13-wide alignment; offline: no device_online line
    expect(out).toContain(`Device: \n  id:            ${dev(1)}\n  name:          alpha\n`);
    expect(out).toContain(`Device: \n  id:          ${dev(2)}\n  name:        beta\n  mac_address: 0c:2a:69:00:00:02\n  agent_id:`);
    expect(out).toContain(`  Device Group: \n    id:   ${dg.id}\n    type: development\n    name: ${dg.attributes.name}\n`);
    // the collaborated account's device carries an Owner block
    expect(out).toMatch(/name:\s+bobdev[\s\S]*?Owner: \n\s+id:\s+\S+\n\s+email:\s+bob@example.com\n\s+username: bob/);

    const min = ok(await run(['device', 'list', '-z', 'minimal']));
    expect(min).not.toContain('Device list');
    expect(min).not.toContain('IMPT COMMAND');
    expect(min.startsWith('Device: \n')).toBe(true);

    const json = JSON.parse(ok(await run(['device', 'list', '-z', 'json'])));
    const beta = json.find((x: any) => x.Device.id === dev(2));
    expect(beta).toEqual({ Device: { id: dev(2), name: 'beta', mac_address: '0c:2a:69:00:00:02', agent_id: expect.any(String) } });
    expect(json.find((x: any) => x.Device.id === dev(6)).Device['Device Group'].id).toBe(dg.id);

    const table = ok(await run(['device', 'list', '-g', dg.id, '-z', 'table']));
    expect(table).toMatch(/Device list \(1 items\):\n┌/);
    expect(table).toMatch(/│ id\s+│ name\s+│/);
    expect(table).toContain(dev(6));
  });

  it('filters by assignment and state on the client, both flags of a pair meaning no filter', async () => {
    const { dg } = await group();
    await assign(dg.id, dev(7));
    const ids = async (...args: string[]) =>
      (JSON.parse(ok(await run(['device', 'list', ...args, '-z', 'json']))) as any[]).map((x) => x.Device.id);
    const unassigned = await ids('--unassigned');
    expect(unassigned).toContain(dev(1));
    expect(unassigned).not.toContain(dev(7));
    expect(await ids('-a', '-g', dg.id)).toEqual([dev(7)]);
    expect(await ids('-g', dg.id, '-u')).toEqual([]);
    const offline = await ids('--offline');
    expect(offline).toContain(dev(2));
    expect(offline).not.toContain(dev(1));
    const online = await ids('-n');
    expect(online).toContain(dev(1));
    expect(online).not.toContain(dev(2));
    const both = await ids('-n', '-f', '-a', '-u');
    expect(both).toEqual(expect.arrayContaining([dev(1), dev(2), dev(7)]));
  });

  it('filters by product, device group, type and owner (repeated = OR, different = AND)', async () => {
    const a = await group();
    const b = await group();
    await assign(a.dg.id, dev(8));
    await assign(b.dg.id, dev(9));
    const ids = async (...args: string[]) =>
      (JSON.parse(ok(await run(['device', 'list', ...args, '-z', 'json']))) as any[]).map((x) => x.Device.id).sort();
    expect(await ids('-p', a.product.attributes.name)).toEqual([dev(8)]);
    expect(await ids('-p', a.product.id, '-p', b.product.attributes.name)).toEqual([dev(8), dev(9)]);
    expect(await ids('-g', a.dg.attributes.name, '--dg', b.dg.id)).toEqual([dev(8), dev(9)]);
    expect(await ids('-p', a.product.id, '-g', b.dg.id)).toEqual([]);
    expect(await ids('-p', a.product.id, '-y', 'development')).toEqual([dev(8)]);
    expect(await ids('-p', a.product.id, '-y', 'pre-factory')).toEqual([]);
    expect(await ids('-o', 'bob')).toEqual([dev(5)]);
    expect(await ids('-o', 'bob@example.com', '-o', 'me')).toContain(dev(1));
    const none = await run(['device', 'list', '-g', 'Nope']);
    expect(ok(none)).toBe('No Devices are found.\nIMPT COMMAND SUCCEEDS\n');
    expect(ok(await run(['device', 'list', '-g', 'Nope', '-z', 'json']))).toBe('[]\n');
    expect(ok(await run(['device', 'list', '-g', 'Nope', '-z', 'minimal']))).toBe('');
  });

  it('falls back to the Project file for an empty --dg/--product, and validates filter values', async () => {
    const { dg } = await group();
    await assign(dg.id, dev(10));
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, '.impt.project'), JSON.stringify({ deviceGroupId: dg.id, deviceFile: 'd.nut', agentFile: 'a.nut' }));
    const ids = async (...args: string[]) =>
      (JSON.parse(ok(await run(['device', 'list', ...args, '-z', 'json'], { cwd }))) as any[]).map((x) => x.Device.id);
    expect(await ids('-g', '')).toEqual([dev(10)]);
    expect(await ids('-p', '')).toEqual([dev(10)]);
    fails(await run(['device', 'list', '-g', '']), 'No Device Group Identifier is specified.');
    fails(await run(['device', 'list', '-p', '']), 'No Product Identifier is specified.');
    fails(await run(['device', 'list', '-o', '']), 'No Account Identifier is specified.');
    const bad = await run(['device', 'list', '-y', 'devel']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('Usage: impt device list');
    expect(bad.stdout).toContain(
      'Error: Invalid values:\n  Argument: dg-type, Given: "devel", Choices: "development", "pre-factory", "pre-dut", "pre-production", "factory", "dut", "production"\nIMPT COMMAND FAILS\n',
    );
    const flag = await run(['device', 'list', '--online', 'false']);
    expect(flag.stdout).toContain('Error: Option "--online" has incorrect value "false".');
  });
});

describe('device info', () => {
  it('identifies a device by id, MAC, agent id and name; unassigned devices have no group blocks', async () => {
    for (const ident of [dev(1), '0c:2a:69:00:00:01', 'agentAlpha01', 'alpha']) {
      const json = JSON.parse(ok(await run(['device', 'info', '-d', ident, '-z', 'json'])));
      expect(json.Device.id).toBe(dev(1));
      expect(json.Device.name).toBe('alpha');
      expect(json.Device.mac_address).toBe('0c:2a:69:00:00:01');
      expect(json.Device.agent_id).toBe('agentAlpha01');
      expect(json.Device.plan_id).toBe('');
      expect(json.Device['Device Group']).toBeUndefined();
    }
    const text = ok(await run(['device', 'info', '--device', 'beta']));
    expect(text).toMatch(/^Device: \n  id:                      30000c2a69000002\n  name:                    beta\n/);
    expect(text).toContain('  device_online:           false\n');
    expect(text).toContain('  plan_id:                 \n');
    expect(text.endsWith('IMPT COMMAND SUCCEEDS\n')).toBe(true);
    const min = ok(await run(['device', 'info', '-d', 'beta', '-z', 'minimal']));
    expect(min).toBe(text.replace('IMPT COMMAND SUCCEEDS\n', ''));
  });

  it('shows the Device Group with its Current Deployment and the Product of an assigned device', async () => {
    const { product, dg } = await group();
    const dep = await api.deploy(dg, { tags: ['RC2', 'beta'], origin: 'github.com/acme/lamp', flagged: true });
    await assign(dg.id, dev(11));
    const out = ok(await run(['device', 'info', '-d', 'd11']));
    expect(out).toContain(
      `  Device Group: \n    id:                 ${dg.id}\n    type:               development\n    name:               ${dg.attributes.name}\n    Current Deployment: \n      id:      ${dep.id}\n      sha:     ${dep.attributes.sha}\n      tags:    RC2, beta\n      origin:  github.com/acme/lamp\n      flagged: true\n  Product: \n    id:   ${product.id}\n    name: ${product.attributes.name}\nIMPT COMMAND SUCCEEDS\n`,
    );
    expect(ok(await run(['device', 'info', '-d', 'd11', '-z', 'minimal']))).toContain('      tags:    RC2,beta\n');
    const json = JSON.parse(ok(await run(['device', 'info', '-d', 'd11', '-z', 'json'])));
    expect(json.Device['Device Group'].id).toBe(dg.id);
    expect(json.Device['Device Group']['Current Deployment'].tags).toEqual(['RC2', 'beta']);
    expect(json.Device.Product).toEqual({ id: product.id, name: product.attributes.name });
    expect(json.Device.Owner).toBeUndefined();
    const bob = JSON.parse(ok(await run(['device', 'info', '-d', 'bobdev', '-z', 'json'])));
    expect(bob.Device.Owner).toMatchObject({ email: 'bob@example.com', username: 'bob' });
  });

  it('reports unknown and ambiguous identifiers and option errors', async () => {
    fails(await run(['device', 'info', '-d', 'nope']), 'Device "nope" is not found.');
    const nf = await run(['device', 'info', '-d', 'nope', '-z', 'json']);
    expect(nf.stdout).toBe('{\n  "Error": "Device \\"nope\\" is not found."\n}\n');
    const multi = await run(['device', 'info', '-d', 'twin']);
    fails(multi, 'Multiple Devices "twin" are found:');
    expect(multi.stdout).toContain(`Device: \n  id:            ${dev(3)}\n  name:          twin\n`);
    expect(multi.stdout).toContain(`  id:            ${dev(4)}\n`);
    expect(multi.stdout).toMatch(/Impossible to execute the command.\nIMPT COMMAND FAILS\n$/);
    const multiMin = await run(['device', 'info', '-d', 'twin', '-z', 'minimal']);
    expect(multiMin.stdout).toContain(dev(4));
    expect(multiMin.stdout).not.toContain('Impossible');
    const multiJson = await run(['device', 'info', '-d', 'twin', '-z', 'json']);
    expect(multiJson.stdout).toBe('{\n  "Error": "Multiple Devices \\"twin\\" are found:"\n}\n');
    const missing = await run(['device', 'info']);
    expect(missing.stdout).toContain('Usage: impt device info --device <DEVICE_IDENTIFIER>');
    expect(missing.stdout).toMatch(/Error: Missing required argument: device\nIMPT COMMAND FAILS\n$/);
    expect((await run(['device', 'info', '-d', ''])).stdout).toContain('Error: Option "--device" must not be empty.');
    expect((await run(['device', 'info', '-d', 'a', '-d', 'b'])).stdout).toContain('Error: Option "--device" must not be specified multiple times.');
  });
});

describe('device assign', () => {
  it('assigns, reports an existing assignment and reassigns only when confirmed', async () => {
    const a = await group();
    const b = await group();
    const ga = a.dg.attributes.name;
    expect(ok(await run(['device', 'assign', '-d', 'd12', '-g', ga]))).toBe(
      `Device "d12" is assigned successfully to Device Group "${ga}".\nIMPT COMMAND SUCCEEDS\n`,
    );
    expect(ok(await run(['device', 'assign', '-d', 'd12', '-g', ga]))).toBe(
      `Device "d12" is already assigned to Device Group "${ga}".\nIMPT COMMAND SUCCEEDS\n`,
    );
    // another group, no terminal, no --confirmed: refused before any change
    fails(await run(['device', 'assign', '-d', 'd12', '-g', b.dg.id]), 'Confirmation is required; run the command with --confirmed (-q) in non-interactive use.');
    expect((await api.get(`/devices/${dev(12)}`)).body.data.relationships.devicegroup.id).toBe(a.dg.id);
    expect(ok(await run(['device', 'assign', '-d', 'd12', '-g', b.dg.id, '-q', '-z', 'json']))).toBe('{}\n');
    expect((await api.get(`/devices/${dev(12)}`)).body.data.relationships.devicegroup.id).toBe(b.dg.id);
    expect(ok(await run(['device', 'assign', '-d', dev(12), '-g', ga, '--confirmed', '-z', 'minimal']))).toBe('');
    expect((await api.get(`/devices/${dev(12)}`)).body.data.relationships.devicegroup.id).toBe(a.dg.id);
  });

  it('asks before reassigning and before removing, on a terminal', async () => {
    const a = await group();
    const b = await group();
    await assign(a.dg.id, dev(13));
    const no = await answer(['device', 'assign', '-d', 'd13', '-g', b.dg.id], home, ['n']);
    expect(no.code).toBe(1);
    expect(no.text).toContain(
      `Device "d13" is assigned to another Device Group. It will be reassigned to Device Group "${b.dg.id}".\nAre you sure you want to continue?\n`,
    );
    expect(no.text).toMatch(/Operation is canceled.\nIMPT COMMAND FAILS\n$/);
    expect((await api.get(`/devices/${dev(13)}`)).body.data.relationships.devicegroup.id).toBe(a.dg.id);
    const yes = await answer(['device', 'assign', '-d', 'd13', '-g', b.dg.id], home, ['y']);
    expect(yes.code).toBe(0);
    expect(yes.text).toMatch(new RegExp(`Device "d13" is assigned successfully to Device Group "${b.dg.id}".\nIMPT COMMAND SUCCEEDS\n$`));
    expect((await api.get(`/devices/${dev(13)}`)).body.data.relationships.devicegroup.id).toBe(b.dg.id);

    const removed = await answer(['device', 'remove', '-d', 'd13', '--force'], home, ['y']);
    expect(removed.code).toBe(0);
    expect(removed.text).toContain(
      `The following Devices will be unassigned from Device Groups:\nDevice: \n  id:            ${dev(13)}\n  name:          d13\n`,
    );
    expect(removed.text).toContain('\n\nThe following Devices will be removed from the account:\nDevice: \n');
    expect(removed.text).toMatch(/Device "d13" is unassigned successfully.\nDevice "d13" is removed successfully.\nIMPT COMMAND SUCCEEDS\n$/);
  });

  it('takes the group from the Project file and reports missing groups and impCentral refusals', async () => {
    const { dg } = await group();
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, '.impt.project'), JSON.stringify({ deviceGroupId: dg.id, deviceFile: 'd.nut', agentFile: 'a.nut' }));
    expect(ok(await run(['device', 'assign', '-d', 'd21'], { cwd }))).toBe(
      `Device "d21" is assigned successfully to Device Group "${dg.id}".\nIMPT COMMAND SUCCEEDS\n`,
    );
    fails(await run(['device', 'assign', '-d', 'd21']), 'No Device Group Identifier is specified.');
    fails(await run(['device', 'assign', '-d', 'd21', '-g', 'NoSuchGroup']), 'Device Group "NoSuchGroup" is not found.');
    fails(await run(['device', 'assign', '-d', 'nope', '-g', dg.id]), 'Device "nope" is not found.');
    const prod = await group('production_devicegroup');
    const refused = await run(['device', 'assign', '-d', 'd14', '-g', prod.dg.id]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^Error: Invalid Permission: .+\nIMPT COMMAND FAILS\n$/);
    const refusedJson = await run(['device', 'assign', '-d', 'd14', '-g', prod.dg.id, '-z', 'json']);
    expect(JSON.parse(refusedJson.stdout).Error).toMatch(/^Invalid Permission: /);
  });
});

describe('device unassign, update, restart, remove', () => {
  it('unassigns, says when already unassigned, and sends the unbond key', async () => {
    const { dg } = await group();
    await assign(dg.id, dev(14));
    expect(ok(await run(['device', 'unassign', '-d', 'd14']))).toBe('Device "d14" is unassigned successfully.\nIMPT COMMAND SUCCEEDS\n');
    expect(ok(await run(['device', 'unassign', '-d', 'd14']))).toBe('Device "d14" is already unassigned.\nIMPT COMMAND SUCCEEDS\n');
    expect(ok(await run(['device', 'unassign', '-d', 'd14', '-z', 'json']))).toBe('{}\n');
    await assign(dg.id, dev(14));
    expect(ok(await run(['device', 'unassign', '-d', 'd14', '-z', 'minimal']))).toBe('');
    await assign(dg.id, dev(14));
    // DIFFERENCES F7: the key travels in X-Electricimp-Key (hidden in debug output, F2)
    const debug = ok(await run(['device', 'unassign', '-d', 'd14', '--unbond', 'secret-unbond', '-z', 'debug']));
    expect(debug).toMatch(/"X-Electricimp-Key": "\[hidden\]"/);
    expect(debug).not.toContain('secret-unbond');
    expect(debug).toMatch(/Device "d14" is unassigned successfully.\nIMPT COMMAND SUCCEEDS\n$/);
    fails(await run(['device', 'unassign', '-d', 'nope']), 'Device "nope" is not found.');
  });

  it('unassigns a blessed production device only with the right unbond key', async () => {
    const product = await api.createProduct(`dev-p-${++seq}`);
    const prod = await api.createDg(product.id, 'production_devicegroup', `dev-prod-${seq}`);
    const dut = await api.createDg(product.id, 'dut_devicegroup', `dev-dut-${seq}`);
    const fixture = await api.createDg(product.id, 'factoryfixture_devicegroup', `dev-fix-${seq}`, {
      production_target: { type: prod.type, id: prod.id },
      dut_target: { type: dut.type, id: dut.id },
    });
    await assign(fixture.id, dev(19));
    const made = await emu.admin('POST', `factory/${dev(19)}/dut`, {});
    const dutId = made.data.id as string;
    expect((await emu.admin('POST', `devices/${dutId}/bless`, { success: true })).data.blessed).toBe(true);
    const missing = await run(['device', 'unassign', '-d', dutId]);
    expect(missing.stdout).toMatch(/^Error: Invalid Permission: .+\nIMPT COMMAND FAILS\n$/);
    const wrong = await run(['device', 'unassign', '-d', dutId, '-u', 'wrong-key']);
    expect(wrong.stdout).toBe('Error: Invalid Permission: The unbond key is invalid.\nIMPT COMMAND FAILS\n');
    expect(ok(await run(['device', 'unassign', '-d', dutId, '--unbond', 'demo-unbond-key']))).toBe(
      `Device "${dutId}" is unassigned successfully.\nIMPT COMMAND SUCCEEDS\n`,
    );
    expect((await api.get(`/devices/${dutId}`)).body.data.relationships.devicegroup).toBeUndefined();
    // unbonding ends the production agent: no agent id until the device is assigned again,
    // then one derived from the device alone (its production plan id is gone)
    const unbonded = JSON.parse(ok(await run(['device', 'info', '-d', dutId, '-z', 'json'])));
    expect(unbonded.Device).toMatchObject({ agent_id: '', agent_url: '', agent_running: false });
    const dev2 = await api.createDg(product.id, 'development_devicegroup', `dev-again-${seq}`);
    await assign(dev2.id, dutId);
    const again = (await api.get(`/devices/${dutId}`)).body.data.attributes;
    expect(again.agent_id).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('an unassigned device has no agent: the agent id comes back with an assignment', async () => {
    const { dg } = await group();
    await assign(dg.id, dev(17));
    const before = (await api.get(`/devices/${dev(17)}`)).body.data.attributes;
    expect(before.agent_id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    ok(await run(['device', 'unassign', '-d', dev(17)]));
    const info = JSON.parse(ok(await run(['device', 'info', '-d', dev(17), '-z', 'json'])));
    expect(info.Device).toMatchObject({ agent_id: '', agent_url: '', agent_running: false, agent_state_changed_at: '' });
    // the old agent id names nothing any more, nor does its agent URL answer
    fails(await run(['device', 'info', '-d', before.agent_id]), `Device "${before.agent_id}" is not found.`);
    expect((await fetch(`${emu.origin}/agent/${before.agent_id}`)).status).toBe(404);
    // assigned again: the agent id derived from the device and its plan, and its agent URL served again
    await api.deploy(dg, { device_code: '', agent_code: 'http.onrequest(function(req, res) { res.send(200, "agent"); });' });
    await assign(dg.id, dev(17));
    const after = JSON.parse(ok(await run(['device', 'info', '-d', dev(17), '-z', 'json'])));
    expect(after.Device.agent_id).toBe(before.agent_id);
    expect(after.Device.agent_url).toBe(`https://agent.electricimp.com/${before.agent_id}`);
    expect(after.Device.agent_running).toBe(true);
    await until(async () => (await fetch(`${emu.origin}/agent/${before.agent_id}`)).status === 200);
    // dg unassign too
    ok(await run(['dg', 'unassign', '-g', dg.id]));
    expect((await api.get(`/devices/${dev(17)}`)).body.data.attributes.agent_id).toBeNull();
  });

  it('renames a device and clears its name with an empty value', async () => {
    expect(ok(await run(['device', 'update', '-d', 'd15', '-n', 'd15-renamed']))).toBe('Device "d15" is updated successfully.\nIMPT COMMAND SUCCEEDS\n');
    expect((await api.get(`/devices/${dev(15)}`)).body.data.attributes.name).toBe('d15-renamed');
    expect(ok(await run(['device', 'update', '-d', 'd15-renamed', '-n', 'd15', '-z', 'json']))).toBe('{}\n');
    expect(ok(await run(['device', 'update', '-d', dev(15), '--name', '', '-z', 'minimal']))).toBe('');
    expect((await api.get(`/devices/${dev(15)}`)).body.data.attributes.name).toBe('');
    await api.patch(`/devices/${dev(15)}`, { data: { type: 'device', id: dev(15), attributes: { name: 'd15' } } });
    const missing = await run(['device', 'update', '-d', 'd15']);
    expect(missing.stdout).toMatch(/Error: Missing required argument: name\nIMPT COMMAND FAILS\n$/);
    expect((await run(['device', 'update'])).stdout).toContain('Error: Missing required arguments: device, name');
    expect((await run(['device', 'update', '-d', 'd15', '-n'])).stdout).toContain('Error: Not enough arguments following: n');
  });

  it('restarts a device, conditionally too; an unassigned device is refused by impCentral', async () => {
    const { dg } = await group();
    await assign(dg.id, dev(6));
    expect(ok(await run(['device', 'restart', '-d', 'd6']))).toBe('Restart request for Device "d6" is successful.\nIMPT COMMAND SUCCEEDS\n');
    expect(ok(await run(['device', 'restart', '-d', '0c:2a:69:00:00:06', '--conditional']))).toBe(
      'Conditional restart request for Device "0c:2a:69:00:00:06" is successful.\nIMPT COMMAND SUCCEEDS\n',
    );
    expect(ok(await run(['device', 'restart', '-d', 'd6', '-z', 'json']))).toBe('{}\n');
    expect(ok(await run(['device', 'restart', '-d', 'd6', '-c', '-z', 'minimal']))).toBe('');
    const requests = (await emu.admin('GET', 'requests')).data.map((r: any) => `${r.method} ${r.path}`);
    expect(requests).toContain(`POST /devices/${dev(6)}/restart`);
    expect(requests).toContain(`POST /devices/${dev(6)}/conditional_restart`);
    const refused = await run(['device', 'restart', '-d', 'alpha']);
    expect(refused.stdout).toMatch(/^Error: Device Not Assigned: .+\nIMPT COMMAND FAILS\n$/);
    expect((await run(['device', 'restart', '-d', 'd6', '-c', 'false'])).stdout).toContain('Error: Option "--conditional" has incorrect value "false".');
  });

  it('removes a device after confirmation only, unassigning it first with --force', async () => {
    const { dg } = await group();
    await assign(dg.id, dev(17), dev(18));
    fails(await run(['device', 'remove', '-d', 'd16']), 'Confirmation is required; run the command with --confirmed (-q) in non-interactive use.');
    expect((await api.get(`/devices/${dev(16)}`)).status).toBe(200);
    expect(ok(await run(['device', 'remove', '-d', 'd16', '-q']))).toBe('Device "d16" is removed successfully.\nIMPT COMMAND SUCCEEDS\n');
    expect((await api.get(`/devices/${dev(16)}`)).status).toBe(404);
    // assigned without --force: impCentral refuses
    const refused = await run(['device', 'remove', '-d', 'd17', '-q']);
    expect(refused.stdout).toMatch(/^Error: Device Assigned: .+\nIMPT COMMAND FAILS\n$/);
    expect(ok(await run(['device', 'remove', '-d', 'd17', '--force', '-q']))).toBe(
      'Device "d17" is unassigned successfully.\nDevice "d17" is removed successfully.\nIMPT COMMAND SUCCEEDS\n',
    );
    expect(ok(await run(['device', 'remove', '-d', dev(18), '-f', '-q', '-z', 'json']))).toBe('{}\n');
    expect((await api.get(`/devices/${dev(18)}`)).status).toBe(404);
    expect(ok(await run(['device', 'remove', '-d', dev(20), '-f', '-q', '-z', 'minimal']))).toBe('');
    fails(await run(['device', 'remove', '-d', 'd16', '-q']), 'Device "d16" is not found.');
  });
});
