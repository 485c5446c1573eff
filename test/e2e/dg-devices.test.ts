// impt dg restart / unassign / reassign: device lists (max 5), empty
// groups, Project file, server refusals (interface/dg.md).
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { assign, expectFailure, json, OFFLINE_DEVICE, SUCCEEDS, useWorld } from './dg-world.js';

let product: any;

const w = useWorld(async () => {
  product = await w.demo.createProduct(w.name('DevLamp'));
});

const dgOf = async (deviceId: string) => (await w.demo.get(`/devices/${deviceId}`)).body.data.relationships?.devicegroup?.id;
const newDg = (name: string, type = 'development_devicegroup') => w.demo.createDg(product.id, type, name);

async function deviceBlock(id: string): Promise<string> {
  const d = (await w.demo.get(`/devices/${id}`)).body.data;
  const a = d.attributes;
  if (!a.device_online) return `Device: \n  id:          ${id}\n  name:        ${a.name}\n  mac_address: ${a.mac_address}\n  agent_id:    ${a.agent_id}\n`;
  return `Device: \n  id:            ${id}\n  name:          ${a.name}\n  mac_address:   ${a.mac_address}\n  agent_id:      ${a.agent_id}\n  device_online: true\n`;
}

describe('dg restart', () => {
  it('restarts the devices and lists them (offline device without device_online)', async () => {
    const dg = await newDg('RestartDev');
    const [online] = w.devices(1);
    await assign(w.demo, dg.id, [online!, OFFLINE_DEVICE]);
    const reqs = await w.requests(async () => {
      const r = await w.run(['dg', 'restart', '-g', 'RestartDev']);
      expect(r.stdout).toBe(
        `Restart request for Devices assigned to Device Group "RestartDev" is successful:\n${await deviceBlock(online!)}${await deviceBlock(OFFLINE_DEVICE)}${SUCCEEDS}\n`,
      );
    });
    expect(reqs).toContain(`POST /devicegroups/${dg.id}/restart`);
    const cond = await w.requests(async () => {
      const r = await w.run(['dg', 'restart', '-g', dg.id, '--conditional']);
      expect(r.stdout.split('\n')[0]).toBe(`Conditional restart request for Devices assigned to Device Group "${dg.id}" is successful:`);
    });
    expect(cond).toContain(`POST /devicegroups/${dg.id}/conditional_restart`);
    const [m, j] = await Promise.all([w.run(['dg', 'restart', '-g', dg.id, '-c', '-z', 'minimal']), w.run(['dg', 'restart', '-g', dg.id, '-z', 'json'])]);
    expect(m.stdout).toBe('');
    expect(json(j)).toEqual({});
    // detach the offline device for the other tests
    await w.demo.del(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: OFFLINE_DEVICE }] });
  });

  it('shows at most five devices', async () => {
    const dg = await newDg('RestartMany');
    await assign(w.demo, dg.id, w.devices(7));
    const r = await w.run(['dg', 'restart', '-g', 'RestartMany']);
    expect(r.stdout.match(/^Device: $/gm)).toHaveLength(5);
    expect(r.stdout.endsWith(`And 2 more Device(s).\n${SUCCEEDS}\n`)).toBe(true);
    // unassign here too, and check the same truncation
    const u = await w.run(['dg', 'unassign', '-g', 'RestartMany']);
    expect(u.stdout.startsWith('The following Devices are unassigned successfully from Device Group "RestartMany":\n')).toBe(true);
    expect(u.stdout.match(/^Device: $/gm)).toHaveLength(5);
    expect(u.stdout.endsWith(`And 2 more Device(s).\n${SUCCEEDS}\n`)).toBe(true);
  });

  it('does nothing for a group without devices, --log included', async () => {
    const dg = await newDg('RestartEmpty');
    const reqs = await w.requests(async () => {
      const r = await w.run(['dg', 'restart', '-g', 'RestartEmpty', '--log']);
      expect(r.stdout).toBe(`Device Group "RestartEmpty" does not have assigned Devices.\n${SUCCEEDS}\n`);
    });
    expect(reqs.some((q) => q.startsWith('POST'))).toBe(false);
    const r = await w.run(['dg', 'restart'], w.projectDir(dg.id));
    expect(r.stdout).toBe(`Device Group "${dg.id}" does not have assigned Devices.\n${SUCCEEDS}\n`);
  });

  it('reports identification failures', async () => {
    const [missing, none, flagFalse] = await Promise.all([
      w.run(['dg', 'restart', '-g', 'NoSuchDg']),
      runImpt(['dg', 'restart'], { home: tempDir(), cwd: tempDir() }),
      w.run(['dg', 'restart', '-g', 'x', '--conditional=false']),
    ]);
    expectFailure(missing, 'Device Group "NoSuchDg" is not found.');
    expect(none.stdout).toBe('Error: No Device Group Identifier is specified.\nIMPT COMMAND FAILS\n');
    expect(flagFalse.stdout).toContain('Error: Option "--conditional" has incorrect value "false".\n');
  });
});

describe.concurrent('dg unassign', () => {
  it('unassigns every device at once and lists them', async () => {
    const dg = await newDg('UnDev');
    const ids = w.devices(2);
    await assign(w.demo, dg.id, ids);
    // the devices as they were before (their agents go away with the assignment)
    const blocks = `${await deviceBlock(ids[0]!)}${await deviceBlock(ids[1]!)}`;
    const r = await w.run(['dg', 'unassign', '-g', 'UnDev', '--unbond', '']);
    expect(r.stdout).toBe(`The following Devices are unassigned successfully from Device Group "UnDev":\n${blocks}${SUCCEEDS}\n`);
    expect(await Promise.all(ids.map(dgOf))).toEqual([undefined, undefined]);
    const again = await w.run(['dg', 'unassign', '-g', 'UnDev']);
    expect(again.stdout).toBe(`Device Group "UnDev" does not have assigned Devices.\n${SUCCEEDS}\n`);
  });

  it('is silent in minimal and json modes; Project file names the id', async () => {
    const dg = await newDg('UnQuiet');
    const ids = w.devices(2);
    await assign(w.demo, dg.id, [ids[0]!]);
    expect((await w.run(['dg', 'unassign', '-g', 'UnQuiet', '-z', 'minimal'])).stdout).toBe('');
    await assign(w.demo, dg.id, [ids[1]!]);
    expect(json(await w.run(['dg', 'unassign', '-g', 'UnQuiet', '-u', 'some-key', '-z', 'json']))).toEqual({});
    expect(await dgOf(ids[1]!)).toBeUndefined();
    const p = await w.run(['dg', 'unassign'], w.projectDir(dg.id));
    expect(p.stdout).toBe(`Device Group "${dg.id}" does not have assigned Devices.\n${SUCCEEDS}\n`);
  });
});

describe.concurrent('dg reassign', () => {
  it('moves every device with one request', async () => {
    const from = await newDg('LampDevFrom');
    const to = await newDg('LampQATo');
    const ids = w.devices(2);
    await assign(w.demo, from.id, ids);
    const reqs = await w.requests(async () => {
      const r = await w.run(['dg', 'reassign', '--from', 'LampDevFrom', '--to', 'LampQATo']);
      expect(r.stdout).toBe(
        `The following Devices assigned to Device Group "LampDevFrom" are reassigned successfully to Device Group "LampQATo":\n${await deviceBlock(ids[0]!)}${await deviceBlock(ids[1]!)}${SUCCEEDS}\n`,
      );
    });
    // other tests run concurrently: keep the requests about these two groups
    const mine = reqs.filter((q) => q.startsWith('POST') && (q.includes(to.id) || q.includes(from.id)));
    expect(mine).toEqual([`POST /devicegroups/${to.id}/relationships/devices`]);
    expect(await Promise.all(ids.map(dgOf))).toEqual([to.id, to.id]);
    const empty = await w.run(['dg', 'reassign', '-f', 'LampDevFrom', '-t', 'LampQATo']);
    expect(empty.stdout).toBe(`Device Group "LampDevFrom" does not have assigned Devices.\n${SUCCEEDS}\n`);
    const [m, j] = await Promise.all([
      w.run(['dg', 'reassign', '-f', 'LampQATo', '-t', from.id, '-z', 'minimal']),
      w.run(['dg', 'reassign', '-f', from.id, '-t', to.id, '-z', 'json']),
    ]);
    expect(m.stdout).toBe('');
    expect(json(j)).toEqual({});
  });

  it('takes the destination from the Project file', async () => {
    const from = await newDg('ReFrom');
    const to = await newDg('ReToProject');
    const ids = w.devices(1);
    await assign(w.demo, from.id, ids);
    const r = await w.run(['dg', 'reassign', '-f', 'ReFrom'], w.projectDir(to.id));
    expect(r.stdout.split('\n')[0]).toBe(
      `The following Devices assigned to Device Group "ReFrom" are reassigned successfully to Device Group "${to.id}":`,
    );
    expect(await dgOf(ids[0]!)).toBe(to.id);
  });

  it('resolves the destination first and reports server refusals', async () => {
    const from = await newDg('ReRefused');
    await newDg('ReDut', 'dut_devicegroup');
    const ids = w.devices(1);
    await assign(w.demo, from.id, ids);
    const [both, noTo, noFrom, refused] = await Promise.all([
      w.run(['dg', 'reassign', '-f', 'NoSuchFrom', '-t', 'NoSuchTo']),
      runImpt(['dg', 'reassign', '-f', 'ReRefused'], { home: tempDir(), cwd: tempDir() }),
      w.run(['dg', 'reassign', '-t', 'ReDut']),
      w.run(['dg', 'reassign', '-f', 'ReRefused', '-t', 'ReDut']),
    ]);
    expectFailure(both, 'Device Group "NoSuchTo" is not found.');
    expect(noTo.stdout).toBe('Error: No Device Group Identifier is specified.\nIMPT COMMAND FAILS\n');
    expect(noFrom.stdout).toContain('Error: Missing required argument: from\n');
    expect(refused.stdout).toMatch(/^Error: Invalid Permission: Device .* cannot be assigned manually to a dut_devicegroup.*\nIMPT COMMAND FAILS\n$/);
    expect(await dgOf(ids[0]!)).toBe(from.id);
  });
});
