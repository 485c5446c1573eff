// Entity identification (interface/README.md §9) on a world full of
// collisions: products with the same name in two accounts (collaboration),
// a group named like another group's id, devices named like other devices'
// MAC / agent id / id, builds whose tags or origins equal other builds' sha,
// names that look like UUIDs, `me` as a literal name, hierarchical forms with
// empty parts and wrong part counts. Results must follow the spec's rules;
// the requests are counted through the emulator's request log.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { tempDir, writeAuthFileFor, type ImptResult } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { client, login } from '../emulator/util.js';

const SEED = {
  accounts: [
    { username: 'demo', email: 'demo@example.com', password: 'demo', collaborates_on: ['bob', 'weird'] },
    { username: 'bob', email: 'bob@example.com', password: 'b' },
    // its email is another account's username: email is compared first
    { username: 'weird', email: 'bob', password: 'w', id: 'acc0000000000002' },
    // not visible to demo
    { username: 'me', email: 'carol@example.com', password: 'c' },
  ],
  devices: [
    { id: '50000c2a690c0001', owner: 'demo', name: 'alpha', mac_address: '0c:2a:69:0c:00:01', agent_id: 'AgentAAAAAA1' },
    // named like alpha's MAC, agent id and id
    { id: '50000c2a690c0002', owner: 'demo', name: '0c:2a:69:0c:00:01', mac_address: '0c:2a:69:0c:00:02', agent_id: 'AgentBBBBBB2' },
    { id: '50000c2a690c0003', owner: 'demo', name: 'AgentAAAAAA1', mac_address: '0c:2a:69:0c:00:03', agent_id: 'AgentCCCCCC3' },
    { id: '50000c2a690c0004', owner: 'demo', name: '50000c2a690c0001', mac_address: '0c:2a:69:0c:00:04', agent_id: null },
    { id: '50000c2a690c0005', owner: 'demo', name: 'twin', mac_address: '0c:2a:69:0c:00:05', agent_id: 'short' },
    { id: '50000c2a690c0006', owner: 'demo', name: 'twin', mac_address: '0c:2a:69:0c:00:06', agent_id: 'AgentDDDDDD6' },
    { id: '50000c2a690c0007', owner: 'demo', name: 'me', mac_address: '0c:2a:69:0c:00:07', agent_id: 'AgentEEEEEE7' },
    // no colons in the name: only the name can match
    { id: '50000c2a690c0008', owner: 'demo', name: '0c2a690c0001', mac_address: '0c:2a:69:0c:00:08', agent_id: 'AgentFFFFFF8' },
  ],
};

const UUID_NAME = '11111111-2222-3333-4444-555555555555';

let emu: EmulatorHandle;
let home: string;
let demoId: string;
let bobId: string;
let demoLamp: any;
let bobLamp: any;
let uuidNamed: any;
let idNamed: any;
let meNamed: any;
let demoDev: any;
let bobDev: any;
let idNamedDg: any;
let b1: any;
let b2: any;
let b3: any;
let s1: any;
let s2: any;

const run = (args: string[]): Promise<ImptResult> => runImpt(args, { home, cwd: tempDir('impt-cwd-') });

/** The requests `args` made (method, path, decoded query). */
async function requests(args: string[]): Promise<{ r: ImptResult; log: string[] }> {
  await emu.admin('DELETE', 'requests');
  const r = await run(args);
  const data = (await emu.admin('GET', 'requests')).data as Array<{ method: string; path: string; query: string; status: number }>;
  return { r, log: data.map((q) => `${q.method} ${decodeURIComponent(q.path)}${q.query ? `?${decodeURIComponent(q.query)}` : ''} ${q.status}`) };
}

/** The id of the entity a `-z json` info command printed. */
async function infoId(args: string[], key: string): Promise<string> {
  const r = await run([...args, '-z', 'json']);
  expect(r.code, r.stdout).toBe(0);
  return JSON.parse(r.stdout)[key].id as string;
}

function expectFailure(r: ImptResult, lines: string): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe(`${lines}IMPT COMMAND FAILS\n`);
}

beforeAll(async () => {
  emu = await startEmulator({ seed: SEED, inMemory: true });
  home = tempDir('impt-home-');
  await writeAuthFileFor(home, emu.url);
  const demo = client(emu, await login(emu, 'demo', 'demo'));
  const bob = client(emu, await login(emu, 'bob', 'b'));
  demoId = (await demo.get('/accounts/me')).body.data.id;
  bobId = (await bob.get('/accounts/me')).body.data.id;
  bobLamp = await bob.createProduct('Lamp');
  demoLamp = await demo.createProduct('Lamp');
  uuidNamed = await demo.createProduct(UUID_NAME);
  idNamed = await demo.createProduct(bobLamp.id);
  meNamed = await demo.createProduct('me');
  demoDev = await demo.createDg(demoLamp.id, 'development_devicegroup', 'Dev');
  bobDev = await bob.createDg(bobLamp.id, 'development_devicegroup', 'Dev');
  idNamedDg = await bob.createDg(bobLamp.id, 'development_devicegroup', demoDev.id);
  b1 = await demo.deploy(demoDev, { device_code: 'b1', origin: 'o1', tags: ['t1'] });
  b2 = await demo.deploy(demoDev, { device_code: 'b2', origin: b1.attributes.sha, tags: ['t2'] });
  b3 = await demo.deploy(demoDev, { device_code: 'b3', origin: 't2', tags: [b1.attributes.sha, b1.id] });
  s1 = await demo.deploy(demoDev, { device_code: 's1', origin: 'shared' });
  s2 = await demo.deploy(demoDev, { device_code: 's2', origin: 'shared' });
});

afterAll(async () => {
  await emu?.stop();
});

describe('Account identifiers', () => {
  it('`me` is the current account, read once', async () => {
    const { r, log } = await requests(['account', 'info', '-u', 'me', '-z', 'json']);
    expect(JSON.parse(r.stdout).Account.id).toBe(demoId);
    expect(log).toEqual(['GET /accounts/me 200']);
  });

  it('email is compared before username; the match is re-read by id', async () => {
    const { r, log } = await requests(['account', 'info', '-u', 'bob', '-z', 'json']);
    expect(JSON.parse(r.stdout).Account).toMatchObject({ id: 'acc0000000000002', username: 'weird', email: 'bob' });
    expect(log).toEqual(['GET /accounts/bob 404', 'GET /accounts?page[number]=1&page[size]=100 200', 'GET /accounts/acc0000000000002 200']);
    expect(await infoId(['account', 'info', '-u', 'bob@example.com'], 'Account')).toBe(bobId);
    expect(await infoId(['account', 'info', '-u', 'acc0000000000002'], 'Account')).toBe('acc0000000000002');
  });

  it('an account demo cannot see is not found', async () => {
    expectFailure(await run(['account', 'info', '-u', 'carol@example.com']), 'Error: Account "carol@example.com" is not found.\n');
  });
});

describe('Product identifiers', () => {
  it('the same name in two accounts is ambiguous, printed per output mode', async () => {
    const r = await run(['product', 'info', '-p', 'Lamp']);
    const list =
      `Product: \n  id:    ${bobLamp.id}\n  name:  Lamp\n  Owner: \n    id:       ${bobId}\n    email:    bob@example.com\n    username: bob\n` +
      `Product: \n  id:   ${demoLamp.id}\n  name: Lamp\n`;
    expectFailure(r, `Error: Multiple Products "Lamp" are found:\n${list}Impossible to execute the command.\n`);
    const minimal = await run(['product', 'info', '-p', 'Lamp', '-z', 'minimal']);
    expect(minimal).toMatchObject({ code: 1, stdout: `Error: Multiple Products "Lamp" are found:\n${list}` });
    const json = await run(['product', 'update', '-p', 'Lamp', '-s', 'x', '-z', 'json']);
    expect(json).toMatchObject({ code: 1, stdout: '{\n  "Error": "Multiple Products \\"Lamp\\" are found:"\n}\n' });
  });

  it('hierarchical forms pick the account', async () => {
    expect(await infoId(['product', 'info', '-p', '{me}{Lamp}'], 'Product')).toBe(demoLamp.id);
    expect(await infoId(['product', 'info', '-p', '{bob@example.com}{Lamp}'], 'Product')).toBe(bobLamp.id);
    expect(await infoId(['product', 'info', '-p', `{${bobId}}{Lamp}`], 'Product')).toBe(bobLamp.id);
    expect(await infoId(['product', 'info', '-p', '{demo}{me}'], 'Product')).toBe(meNamed.id);
    // the id part must belong to the account: demo's product named like bob's product id
    expect(await infoId(['product', 'info', '-p', `{me}{${bobLamp.id}}`], 'Product')).toBe(idNamed.id);
    expect(await infoId(['product', 'info', '-p', `{bob@example.com}{${bobLamp.id}}`], 'Product')).toBe(bobLamp.id);
  });

  it('a failing part is reported, after the whole string was tried as a plain identifier', async () => {
    // `bob` is the account whose email is "bob", and it has no Lamp
    const { r, log } = await requests(['product', 'info', '-p', '{bob}{Lamp}']);
    expectFailure(r, 'Error: Product "Lamp" is not found.\n');
    expect(log).toEqual([
      'GET /accounts/bob 404',
      'GET /accounts?page[number]=1&page[size]=100 200',
      'GET /products?filter[owner.id]=acc0000000000002&page[number]=1&page[size]=100 200',
      'GET /products?page[number]=1&page[size]=100 200',
    ]);
    expectFailure(await run(['product', 'info', '-p', '{nobody}{Lamp}']), 'Error: Account "nobody" is not found.\n');
    expectFailure(await run(['product', 'info', '-p', '{me}{Nope}']), 'Error: Product "Nope" is not found.\n');
    // an empty part is no identifier of that part's type, as in impt 2.6.1
    expectFailure(await run(['product', 'info', '-p', '{}{Lamp}']), 'Error: No Account Identifier is specified.\n');
    expectFailure(await run(['product', 'info', '-p', '{me}{}']), 'Error: No Product Identifier is specified.\n');
    expectFailure(await run(['product', 'delete', '-p', '{}{}', '-q']), 'Error: No Account Identifier is specified.\n');
  });

  it('a string with another number of parts is a plain identifier', async () => {
    for (const v of ['{me}{Lamp}{Dev}', '{me}', '{me}{Lamp', 'me}{Lamp}']) {
      const { r, log } = await requests(['product', 'info', '-p', v]);
      expectFailure(r, `Error: Product "${v}" is not found.\n`);
      expect(log).toEqual(['GET /products?page[number]=1&page[size]=100 200']);
    }
  });

  it('an id wins over a name; a UUID-like name that is no id is found by name', async () => {
    expect(await infoId(['product', 'info', '-p', bobLamp.id], 'Product')).toBe(bobLamp.id);
    const { r, log } = await requests(['product', 'info', '-p', UUID_NAME, '-z', 'json']);
    expect(JSON.parse(r.stdout).Product.id).toBe(uuidNamed.id);
    expect(log.slice(0, 3)).toEqual([
      `GET /products/${UUID_NAME} 404`,
      'GET /products?page[number]=1&page[size]=100 200',
      `GET /products/${uuidNamed.id} 200`,
    ]);
    expect(await infoId(['product', 'info', '-p', 'me'], 'Product')).toBe(meNamed.id);
  });

  it('names are compared exactly: case matters', async () => {
    expectFailure(await run(['product', 'info', '-p', 'lamp']), 'Error: Product "lamp" is not found.\n');
  });
});

describe('Device Group identifiers', () => {
  it('an id wins over another group named like it; the name is reached through its product', async () => {
    const { r, log } = await requests(['dg', 'info', '-g', demoDev.id, '-z', 'json']);
    expect(JSON.parse(r.stdout)['Device Group'].id).toBe(demoDev.id);
    expect(log.filter((l) => l.startsWith('GET /devicegroups'))).toEqual([`GET /devicegroups/${demoDev.id} 200`]);
    expect(await infoId(['dg', 'info', '-g', `{bob@example.com}{Lamp}{${demoDev.id}}`], 'Device Group')).toBe(idNamedDg.id);
    expect(await infoId(['dg', 'info', '-g', `{me}{Lamp}{${demoDev.id}}`], 'Device Group')).toBe(demoDev.id);
  });

  it('the same name in two products is ambiguous; hierarchical forms pick one', async () => {
    const r = await run(['dg', 'info', '-g', 'Dev']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Error: Multiple Device Groups "Dev" are found:\nDevice Group: \n/);
    expect(r.stdout).toContain(`  id:      ${bobDev.id}\n`);
    expect(r.stdout).toContain(`  id:      ${demoDev.id}\n`);
    expect(r.stdout).toContain('Impossible to execute the command.\nIMPT COMMAND FAILS\n');
    expect(await infoId(['dg', 'info', '-g', '{me}{Lamp}{Dev}'], 'Device Group')).toBe(demoDev.id);
    expect(await infoId(['dg', 'info', '-g', '{bob@example.com}{Lamp}{Dev}'], 'Device Group')).toBe(bobDev.id);
  });

  it('empty parts and wrong counts', async () => {
    expectFailure(await run(['dg', 'info', '-g', '{me}{Lamp}{}']), 'Error: No Device Group Identifier is specified.\n');
    expectFailure(await run(['dg', 'info', '-g', '{me}{}{Dev}']), 'Error: No Product Identifier is specified.\n');
    expectFailure(await run(['dg', 'info', '-g', '{}{Lamp}{Dev}']), 'Error: No Account Identifier is specified.\n');
    expectFailure(await run(['dg', 'info', '-g', '{}{}{}']), 'Error: No Account Identifier is specified.\n');
    // the part that fails first is reported: the account is resolved before the empty group
    expectFailure(await run(['dg', 'info', '-g', '{nobody}{Lamp}{}']), 'Error: Account "nobody" is not found.\n');
    expectFailure(await run(['dg', 'delete', '-g', '{me}{Lamp}{}', '-q']), 'Error: No Device Group Identifier is specified.\n');
    expectFailure(await run(['dg', 'info', '-g', '{me}{Lamp}']), 'Error: Device Group "{me}{Lamp}" is not found.\n');
    expectFailure(await run(['dg', 'info', '-g', '{me}{Lamp}{Dev}{x}']), 'Error: Device Group "{me}{Lamp}{Dev}{x}" is not found.\n');
  });

  it('list filters use every match and never fail on them', async () => {
    const both = JSON.parse((await run(['dg', 'list', '-p', 'Lamp', '-z', 'json'])).stdout).map((x: any) => x['Device Group'].id);
    expect(both.sort()).toEqual([bobDev.id, demoDev.id, idNamedDg.id].sort());
    const { r, log } = await requests(['dg', 'list', '-p', '{nobody}{Lamp}']);
    expect(r).toMatchObject({ code: 0, stdout: 'No Device Groups are found.\nIMPT COMMAND SUCCEEDS\n' });
    expect(log.some((l) => l.startsWith('GET /devicegroups'))).toBe(false);
    const dev = JSON.parse((await run(['build', 'list', '-g', 'Dev', '-z', 'json'])).stdout);
    expect(dev).toHaveLength(5);
  });
});

describe('Device identifiers', () => {
  const cases: Array<[string, string]> = [
    ['50000c2a690c0001', '50000c2a690c0001'], // id before the name of …0004
    ['0c:2a:69:0c:00:01', '50000c2a690c0001'], // MAC before the name of …0002
    ['0C:2A:69:0C:00:01', '50000c2a690c0001'], // the devices endpoint takes an upper-case MAC
    ['AgentAAAAAA1', '50000c2a690c0001'], // agent id before the name of …0003
    ['0c2a690c0001', '50000c2a690c0008'], // a MAC without colons is a name
    ['short', '50000c2a690c0005'], // an agent id of any form
    ['alpha', '50000c2a690c0001'],
    ['me', '50000c2a690c0007'],
  ];
  for (const [v, id] of cases) {
    it(`-d ${v}`, async () => {
      expect(await infoId(['device', 'info', '-d', v], 'Device')).toBe(id);
    });
  }

  it('not found and ambiguous', async () => {
    expectFailure(await run(['device', 'info', '-d', '50000C2A690C0001']), 'Error: Device "50000C2A690C0001" is not found.\n');
    expectFailure(await run(['device', 'info', '-d', 'agentaaaaaa1']), 'Error: Device "agentaaaaaa1" is not found.\n');
    const r = await run(['device', 'info', '-d', 'twin', '-z', 'minimal']);
    expect(r).toMatchObject({
      code: 1,
      stdout:
        'Error: Multiple Devices "twin" are found:\n' +
        'Device: \n  id:            50000c2a690c0005\n  name:          twin\n  mac_address:   0c:2a:69:0c:00:05\n  agent_id:      short\n  device_online: true\n' +
        'Device: \n  id:            50000c2a690c0006\n  name:          twin\n  mac_address:   0c:2a:69:0c:00:06\n  agent_id:      AgentDDDDDD6\n  device_online: true\n',
    });
  });

  it('a name costs no GET by id; an id-like value is read by id', async () => {
    expect((await requests(['device', 'info', '-d', 'alpha'])).log[0]).toBe('GET /devices?page[number]=1&page[size]=100 200');
    expect((await requests(['device', 'info', '-d', '0c:2a:69:0c:00:01'])).log[0]).toBe('GET /devices/0c:2a:69:0c:00:01 200');
  });

  it('info re-reads a list match by id (§9.1 step 4), but not a device just read by id', async () => {
    const byName = (await requests(['device', 'info', '-d', 'alpha'])).log;
    const id = byName.find((l) => /^GET \/devices\/\w+ 200$/.test(l));
    expect(byName.indexOf(id!)).toBeGreaterThan(byName.indexOf('GET /devices?page[number]=1&page[size]=100 200'));
    const byId = (await requests(['device', 'info', '-d', id!.split(' ')[1]!.slice('/devices/'.length)])).log;
    expect(byId.filter((l) => l.startsWith('GET /devices/'))).toHaveLength(1);
  });
});

describe('Deployment identifiers', () => {
  it('id, then sha, then tags, then origin', async () => {
    expect(await infoId(['build', 'info', '-b', b1.id], 'Deployment')).toBe(b1.id); // before b3's tag
    expect(await infoId(['build', 'info', '-b', b1.attributes.sha], 'Deployment')).toBe(b1.id); // before b3's tag and b2's origin
    expect(await infoId(['build', 'info', '-b', 't2'], 'Deployment')).toBe(b2.id); // before b3's origin
    expect(await infoId(['build', 'info', '-b', 'o1'], 'Deployment')).toBe(b1.id);
  });

  it('info re-reads a list match by id (§9.1 step 4)', async () => {
    const { log } = await requests(['build', 'info', '-b', 't2']);
    const list = log.findIndex((l) => l.startsWith('GET /deployments?'));
    expect(list).toBeGreaterThanOrEqual(0);
    expect(log.indexOf(`GET /deployments/${b2.id} 200`)).toBeGreaterThan(list);
  });

  it('ambiguous origin; unknown values', async () => {
    const r = await run(['build', 'info', '-b', 'shared', '-z', 'minimal']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Error: Multiple Deployments "shared" are found:\nDeployment: \n/);
    expect(r.stdout).toContain(`  id:           ${s1.id}\n`);
    expect(r.stdout).toContain(`  id:           ${s2.id}\n`);
    expectFailure(await run(['build', 'info', '-b', 'a b']), 'Error: Deployment "a b" is not found.\n');
    expectFailure(
      await run(['build', 'info', '-b', b1.attributes.sha.toUpperCase()]),
      `Error: Deployment "${b1.attributes.sha.toUpperCase()}" is not found.\n`,
    );
  });
});

describe('ID-only identifiers', () => {
  it('webhooks and login keys are looked up by id only', async () => {
    const wh = await requests(['webhook', 'info', '-w', 'Dev']);
    expectFailure(wh.r, 'Error: Webhook "Dev" is not found.\n');
    expect(wh.log).toEqual(['GET /webhooks/Dev 404']);
    const lk = await requests(['loginkey', 'info', '-k', 'demo']);
    expectFailure(lk.r, 'Error: Login Key "demo" is not found.\n');
    expect(lk.log).toEqual(['GET /accounts/me/login_keys/demo 404']);
  });
});

describe('values that cannot be a path segment', () => {
  it('`.` and `..` are no ids: not found without a request that URL parsing would send elsewhere', async () => {
    for (const v of ['.', '..']) {
      for (const args of [
        ['webhook', 'info', '-w', v],
        ['webhook', 'update', '-w', v, '--url', 'https://example.com/x'],
        ['webhook', 'delete', '-w', v, '-q'],
      ]) {
        const { r, log } = await requests(args);
        expectFailure(r, `Error: Webhook "${v}" is not found.\n`);
        expect(log).toEqual([]);
      }
      for (const args of [
        ['loginkey', 'info', '-k', v],
        ['loginkey', 'update', '-k', v, '-s', 'd', '--pwd', 'demo'],
        ['loginkey', 'delete', '-k', v, '-q', '--pwd', 'demo'],
      ]) {
        const { r, log } = await requests(args);
        expectFailure(r, `Error: Login Key "${v}" is not found.\n`);
        expect(log).toEqual([]);
      }
    }
  });

  it('a Project file naming the group `..` is outdated', async () => {
    const dir = tempDir('impt-project-');
    writeFileSync(join(dir, '.impt.project'), JSON.stringify({ deviceGroupId: '..', deviceFile: 'd.nut', agentFile: 'a.nut' }));
    await emu.admin('DELETE', 'requests');
    const r = await runImpt(['dg', 'info'], { home, cwd: dir });
    expectFailure(
      r,
      'Error: Device Group "..", saved in Project File, does not exist anymore.\n' +
        'Impossible to execute the command.\nUse "impt project delete" command to delete the outdated Project.\n',
    );
    expect((await emu.admin('GET', 'requests')).data).toEqual([]);
  });
});

describe('request economy', () => {
  const count = (log: string[], line: string) => log.filter((l) => l === line).length;

  it('the current account is read once per command, whether `me` names it or its Owner blocks need it', async () => {
    const product = await requests(['product', 'info', '-p', '{me}{Lamp}', '-z', 'json']);
    expect(JSON.parse(product.r.stdout).Product.id).toBe(demoLamp.id);
    expect(product.log).toEqual([
      'GET /accounts/me 200',
      `GET /products?filter[owner.id]=${demoId}&page[number]=1&page[size]=100 200`,
      `GET /products/${demoLamp.id} 200`,
    ]);
    const list = await requests(['product', 'list', '-o', 'me', '-o', 'bob@example.com', '-z', 'json']);
    expect(list.r.code).toBe(0);
    expect(count(list.log, 'GET /accounts/me 200')).toBe(1);
  });

  it('a group read by id as the last part of a hierarchical identifier is not read again', async () => {
    const { r, log } = await requests(['dg', 'info', '-g', `{me}{Lamp}{${demoDev.id}}`, '-z', 'json']);
    expect(JSON.parse(r.stdout)['Device Group'].id).toBe(demoDev.id);
    expect(count(log, `GET /devicegroups/${demoDev.id} 200`)).toBe(1);
    const product = await requests(['product', 'info', '-p', `{bob@example.com}{${bobLamp.id}}`, '-z', 'json']);
    expect(JSON.parse(product.r.stdout).Product.id).toBe(bobLamp.id);
    expect(count(product.log, `GET /products/${bobLamp.id} 200`)).toBe(1);
  });
});
