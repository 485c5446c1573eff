// impt dg info (+ --full) and dg list (filters): layouts in every mode,
// identification errors, Project file, request economy (interface/dg.md).
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { assign, createWebhook, expectFailure, json, SUCCEEDS, tick, useWorld } from './dg-world.js';

let product: any;
let product2: any;
let opsProduct: any;
let dev: any;
let b1: any;
let b2: any;
let preProd: any;
let preDut: any;
let preFactory: any;
let staging: any;
let opsStaging: any;
let envDg: any;
let hook: any;
let devIds: string[];

const w = useWorld(async () => {
  product = await w.demo.createProduct(w.name('InfoLamp'));
  product2 = await w.demo.createProduct(w.name('InfoLamp2'));
  opsProduct = await w.ops.createProduct(w.name('OpsLamp'));
  dev = await w.demo.createDg(product.id, 'development_devicegroup', 'LampDev');
  b1 = await w.demo.deploy(dev, { tags: ['RC1'] });
  await tick();
  b2 = await w.demo.deploy(dev, { tags: ['RC2', 'beta'], origin: 'github.com/acme/lamp', flagged: true });
  await w.demo.put(`/devicegroups/${dev.id}/relationships/min_supported_deployment`, { data: { type: 'deployment', id: b1.id } });
  devIds = w.devices(7);
  await assign(w.demo, dev.id, devIds);
  hook = await createWebhook(w.demo, dev);
  preProd = await w.demo.createDg(product.id, 'pre_production_devicegroup', 'LampPreProd', {}, { region: 'eu' });
  preDut = await w.demo.createDg(product.id, 'pre_dut_devicegroup', 'LampPreDut');
  preFactory = await w.demo.createDg(product.id, 'pre_factoryfixture_devicegroup', 'LampPreFactory', {
    production_target: { type: preProd.type, id: preProd.id },
    dut_target: { type: preDut.type, id: preDut.id },
  });
  staging = await w.demo.createDg(product2.id, 'development_devicegroup', 'Staging');
  opsStaging = await w.ops.createDg(opsProduct.id, 'development_devicegroup', 'Staging');
  envDg = await w.demo.createDg(product2.id, 'development_devicegroup', 'EnvDg', {}, { env_vars: { MODE: 'qa', LEVEL: 3 } });
  // refetch: the min-supported deployment changed the group
  dev = (await w.demo.get(`/devicegroups/${dev.id}`)).body.data;
  [b1, b2] = await Promise.all([b1, b2].map(async (b) => (await w.demo.get(`/deployments/${b.id}`)).body.data));
});

const pname = () => product.attributes.name as string;

function lampDevText(minimal: boolean): string {
  const a = dev.attributes;
  // width 24 from `Min supported Deployment`
  const pad = (k: string) => `  ${`${k}: `.padEnd(26)}`;
  return [
    'Device Group: ',
    `${pad('id')}${dev.id}`,
    `${pad('type')}development`,
    `${pad('name')}LampDev`,
    `${pad('description')}`,
    `${pad('region')}`,
    `${pad('created_at')}${a.created_at}`,
    `${pad('updated_at')}${a.updated_at}`,
    '  Product: ',
    `    id:   ${product.id}`,
    `    name: ${pname()}`,
    '  Current Deployment: ',
    `    id:      ${b2.id}`,
    `    sha:     ${b2.attributes.sha}`,
    `    tags:    ${minimal ? 'RC2,beta' : 'RC2, beta'}`,
    '    origin:  github.com/acme/lamp',
    '    flagged: true',
    '  Min supported Deployment: ',
    `    id:   ${b1.id}`,
    `    sha:  ${b1.attributes.sha}`,
    '    tags: RC1',
  ].join('\n');
}

describe.concurrent('dg info', () => {
  it('prints the info view with aligned related blocks (default mode)', async () => {
    const r = await w.run(['dg', 'info', '-g', 'LampDev']);
    expect(r.stdout).toBe(`${lampDevText(false)}\n${SUCCEEDS}\n`);
    expect(r.code).toBe(0);
  });

  it('minimal mode joins tags without a space and has no status line', async () => {
    const r = await w.run(['dg', 'info', '--dg', dev.id, '-z', 'minimal']);
    expect(r.stdout).toBe(`${lampDevText(true)}\n`);
  });

  it('json mode nests the related entities', async () => {
    const r = await w.run(['dg', 'info', '-g', `{me}{${pname()}}{LampDev}`, '-z', 'json']);
    const a = dev.attributes;
    expect(json(r)).toEqual({
      'Device Group': {
        id: dev.id,
        type: 'development',
        name: 'LampDev',
        description: '',
        region: '',
        created_at: a.created_at,
        updated_at: a.updated_at,
        Product: { id: product.id, name: pname() },
        'Current Deployment': { id: b2.id, sha: b2.attributes.sha, tags: ['RC2', 'beta'], origin: 'github.com/acme/lamp', flagged: true },
        'Min supported Deployment': { id: b1.id, sha: b1.attributes.sha, tags: ['RC1'] },
      },
    });
  });

  it('--full shows webhooks and at most 5 devices in text', async () => {
    const r = await w.run(['dg', 'info', '-g', 'LampDev', '--full']);
    expect(r.stdout).toContain(`  Webhooks: \n    Webhook: \n      id:    ${hook.id}\n      event: deployment\n      url:   https://example.com/hook\n  Devices: \n    Device: \n`);
    expect(r.stdout.match(/^ {4}Device: $/gm)).toHaveLength(5);
    expect(r.stdout).toContain(`\n    ... 2 more Device(s)\n${SUCCEEDS}\n`);
    expect(r.stdout).toContain(`      id:            ${devIds[0]}\n      name:          dev-1\n`);
  });

  it('--full in json lists every device', async () => {
    const r = await w.run(['dg', 'info', '-g', 'LampDev', '-u', '-z', 'json']);
    const g = json(r)['Device Group'];
    expect(g.Devices.map((d: any) => d.Device.id)).toEqual(devIds);
    expect(g.Webhooks).toEqual([{ Webhook: { id: hook.id, event: 'deployment', url: 'https://example.com/hook' } }]);
    expect(g.Devices[0].Device).toEqual({
      id: devIds[0],
      name: 'dev-1',
      mac_address: expect.stringMatching(/^0c:2a:69/),
      agent_id: expect.any(String),
      device_online: true,
    });
  });

  it('--full of target groups lists the groups pointing at them', async () => {
    const [p, d] = await Promise.all([
      w.run(['dg', 'info', '-g', 'LampPreProd', '--full', '-z', 'json']),
      w.run(['dg', 'info', '-g', 'LampPreDut', '--full']),
    ]);
    const short = { id: preFactory.id, type: 'pre-factory', name: 'LampPreFactory' };
    expect(json(p)['Device Group']['Production Target for']).toEqual([{ 'Device Group': short }]);
    expect(json(p)['Device Group'].region).toBe('eu');
    expect(json(p)['Device Group'].load_code_after_blessing).toBe(true);
    expect(d.stdout).toContain(`  DUT Target for: \n    Device Group: \n      id:   ${preFactory.id}\n      type: pre-factory\n      name: LampPreFactory\n`);
  });

  it('shows the targets of a factory group', async () => {
    const r = await w.run(['dg', 'info', '-g', 'LampPreFactory', '-z', 'json']);
    const g = json(r)['Device Group'];
    expect(g['Production Target']).toEqual({ id: preProd.id, type: 'pre-production', name: 'LampPreProd' });
    expect(g['DUT Target']).toEqual({ id: preDut.id, type: 'pre-dut', name: 'LampPreDut' });
    expect(Object.keys(g).slice(-3)).toEqual(['Product', 'Production Target', 'DUT Target']);
  });

  it('shows env_vars as a nested block', async () => {
    const r = await w.run(['dg', 'info', '-g', 'EnvDg']);
    expect(r.stdout).toContain('  env_vars: \n    MODE:  qa\n    LEVEL: 3\n');
  });

  it('shows Owner and Creator of another account', async () => {
    const r = await w.run(['dg', 'info', '-g', opsStaging.id]);
    const opsBlock = `    id:       ${w.opsId}\n    email:    ops@acme.example\n    username: acme-ops\n`;
    expect(r.stdout).toContain(`  Owner: \n${opsBlock}  Creator: \n${opsBlock}${SUCCEEDS}`);
  });

  it('lists the matches of an ambiguous name with their Product and Owner', async () => {
    const r = await w.run(['dg', 'info', '-g', 'Staging']);
    expectFailure(r, 'Multiple Device Groups "Staging" are found:');
    expect(r.stdout).toContain(`Device Group: \n  id:      ${staging.id}\n  type:    development\n  name:    Staging\n  Product: \n    id:   ${product2.id}\n`);
    expect(r.stdout).toContain(`  Owner: \n    id:       ${w.opsId}\n    email:    ops@acme.example\n    username: acme-ops\nImpossible to execute the command.\n`);
    const m = await w.run(['dg', 'info', '-g', 'Staging', '-z', 'minimal']);
    expect(m.stdout).toContain(`  id:      ${opsStaging.id}\n`);
    expect(m.stdout).not.toContain('Impossible');
    const j = await w.run(['dg', 'info', '-g', 'Staging', '-z', 'json']);
    expect(json(j)).toEqual({ Error: 'Multiple Device Groups "Staging" are found:' });
  });

  it('reports unknown and malformed identifiers', async () => {
    const results = await Promise.all([
      w.run(['dg', 'info', '-g', 'NoSuchDg']),
      w.run(['dg', 'info', '-g', `{me}{${pname()}}`]),
      w.run(['dg', 'info', '-g', `{me}{Nope}{LampDev}`]),
      w.run(['dg', 'info', '-g', '00000000-0000-4000-8000-000000000000', '-z', 'json']),
    ]);
    expectFailure(results[0]!, 'Device Group "NoSuchDg" is not found.');
    expectFailure(results[1]!, `Device Group "{me}{${pname()}}" is not found.`);
    expectFailure(results[2]!, 'Product "Nope" is not found.');
    expect(json(results[3]!)).toEqual({ Error: 'Device Group "00000000-0000-4000-8000-000000000000" is not found.' });
  });

  it('refuses --full false and extra words', async () => {
    const [f, x] = await Promise.all([w.run(['dg', 'info', '-g', 'LampDev', '--full', 'false']), w.run(['dg', 'info', 'extra1', 'extra2'])]);
    expect(f.stdout).toContain('Error: Option "--full" has incorrect value "false".\n');
    expect(x.stdout).toContain('Error: Unknown arguments: extra1, extra2.\n');
    expect(f.code + x.code).toBe(2);
  });

  it('uses the Project file when --dg is omitted', async () => {
    const r = await w.run(['dg', 'info', '-z', 'json'], w.projectDir(preProd.id));
    expect(json(r)['Device Group'].id).toBe(preProd.id);
    // an explicit --dg wins, a corrupted file is then harmless
    const x = await w.run(['dg', 'info', '-g', 'LampPreDut', '-z', 'json'], w.projectDir(null, 'garbage'));
    expect(json(x)['Device Group'].id).toBe(preDut.id);
  });

  it('reports Project file problems', async () => {
    const gone = '00000000-0000-4000-8000-00000000dead';
    const [corrupt, outdated, none] = await Promise.all([
      w.run(['dg', 'info'], w.projectDir(null, '{"deviceGroupId": 5}')),
      w.run(['dg', 'info'], w.projectDir(gone)),
      runImpt(['dg', 'info'], { home: tempDir(), cwd: tempDir() }),
    ]);
    expectFailure(corrupt, 'Project File is corrupted.');
    expectFailure(outdated, `Device Group "${gone}", saved in Project File, does not exist anymore.`);
    expect(outdated.stdout).toContain('Impossible to execute the command.\nUse "impt project delete" command to delete the outdated Project.\n');
    expect(none.stdout).toBe('Error: No Device Group Identifier is specified.\nIMPT COMMAND FAILS\n');
  });
});

describe('dg info requests', () => {
  it('a name is listed (no GET by a value that cannot be an id) and the match re-fetched by id; an id without a list', async () => {
    const byName = await w.requests(() => w.run(['dg', 'info', '-g', 'LampDev']));
    expect(byName.filter((r) => r.startsWith('GET /devicegroups'))).toEqual([
      expect.stringMatching(/^GET \/devicegroups\?page/),
      `GET /devicegroups/${dev.id}`,
    ]);
    expect(byName).toContain(`GET /deployments/${b1.id}`);
    expect(byName).toContain(`GET /products/${product.id}`);
    const byId = await w.requests(() => w.run(['dg', 'info', '-g', dev.id]));
    expect(byId.filter((r) => r.startsWith('GET /devicegroups'))).toEqual([`GET /devicegroups/${dev.id}`]);
    expect(byId.filter((r) => r.startsWith('GET /devices') || r.startsWith('GET /webhooks'))).toEqual([]);
    // --full of a development group needs no product-wide group list
    const full = await w.requests(() => w.run(['dg', 'info', '-g', dev.id, '--full']));
    expect(full.filter((r) => r.startsWith('GET /devicegroups?'))).toEqual([]);
    expect(full.some((r) => r.startsWith('GET /devices?') && r.includes(`filter[devicegroup.id]=${dev.id}`))).toBe(true);
  });
});

describe.concurrent('dg list', () => {
  it('lists the groups of a product with their Product block', async () => {
    const r = await w.run(['dg', 'list', '-p', pname()]);
    expect(r.stdout.startsWith('Device Group list (4 items):\nDevice Group: \n')).toBe(true);
    expect(r.stdout).toContain(`  id:      ${dev.id}\n  type:    development\n  name:    LampDev\n  Product: \n    id:   ${product.id}\n    name: ${pname()}\n`);
    expect(r.stdout).not.toContain('Owner');
    expect(r.stdout.endsWith(`${SUCCEEDS}\n`)).toBe(true);
  });

  it('filters by owner and shows the Owner block (minimal)', async () => {
    const r = await w.run(['dg', 'list', '-o', 'ops@acme.example', '-z', 'minimal']);
    expect(r.stdout).toBe(
      `Device Group: \n  id:      ${opsStaging.id}\n  type:    development\n  name:    Staging\n  Product: \n    id:   ${opsProduct.id}\n    name: ${opsProduct.attributes.name}\n  Owner: \n    id:       ${w.opsId}\n    email:    ops@acme.example\n    username: acme-ops\n`,
    );
  });

  it('filters by type (json) and ORs repeated values', async () => {
    const r = await w.run(['dg', 'list', '-p', pname(), '-y', 'pre-production', '-y', 'pre-dut', '-z', 'json']);
    expect(json(r)).toEqual([
      { 'Device Group': { id: preProd.id, type: 'pre-production', name: 'LampPreProd', Product: { id: product.id, name: pname() } } },
      { 'Device Group': { id: preDut.id, type: 'pre-dut', name: 'LampPreDut', Product: { id: product.id, name: pname() } } },
    ]);
    const two = await w.run(['dg', 'list', '--product', pname(), '--product', product2.id, '-z', 'json']);
    expect(json(two).map((x: any) => x['Device Group'].name)).toEqual(['LampDev', 'LampPreProd', 'LampPreDut', 'LampPreFactory', 'Staging', 'EnvDg']);
  });

  it('ANDs different filters; a filter matching nothing gives an empty list', async () => {
    const [mine, none, minimal, jsonEmpty] = await Promise.all([
      w.run(['dg', 'list', '-o', 'me', '-p', product2.id, '-z', 'json']),
      w.run(['dg', 'list', '-p', 'NoSuchProduct']),
      w.run(['dg', 'list', '-p', pname(), '-y', 'production', '-z', 'minimal']),
      w.run(['dg', 'list', '-o', 'acme-ops', '-p', pname(), '-z', 'json']),
    ]);
    expect(json(mine).map((x: any) => x['Device Group'].id)).toEqual([staging.id, envDg.id]);
    expect(none.stdout).toBe(`No Device Groups are found.\n${SUCCEEDS}\n`);
    expect(minimal.stdout).toBe('');
    expect(json(jsonEmpty)).toEqual([]);
  });

  it('-z table prints a table of the same fields', async () => {
    const r = await w.run(['dg', 'list', '-p', pname(), '-y', 'development', '-z', 'table']);
    expect(r.stdout).toContain('Device Group list (1 items):');
    expect(r.stdout).toMatch(/│ *id *│ *type *│ *name *│/);
    expect(r.stdout).toMatch(new RegExp(`│ ${dev.id} │ development │ LampDev `));
  });

  it('empty filter values: Project file, or the identifier errors', async () => {
    const [fromProject, noProject, noOwner, badType] = await Promise.all([
      w.run(['dg', 'list', '-p', '', '-z', 'json'], w.projectDir(staging.id)),
      runImpt(['dg', 'list', '-p', ''], { home: tempDir(), cwd: tempDir() }),
      w.run(['dg', 'list', '-o', '']),
      w.run(['dg', 'list', '-y', 'bogus', '-y', 'dut']),
    ]);
    expect(json(fromProject).map((x: any) => x['Device Group'].id)).toEqual([staging.id, envDg.id]);
    expect(noProject.stdout).toBe('Error: No Product Identifier is specified.\nIMPT COMMAND FAILS\n');
    expectFailure(noOwner, 'No Account Identifier is specified.');
    expect(badType.stdout).toContain('Error: Invalid values:\n  Argument: dg-type, Given: "bogus", "dut", Choices: "development", "pre-factory", "pre-dut", "pre-production", "factory", "dut", "production"\n');
  });
});

describe('dg list requests', () => {
  it('one list request per combination of filters, none when a filter resolves to nothing', async () => {
    let r: any;
    const reqs = await w.requests(async () => {
      r = await w.run(['dg', 'list', '-p', product.id, '-p', product2.id, '-y', 'development', '-y', 'pre-dut', '-z', 'json']);
    });
    const lists = reqs.filter((q) => q.startsWith('GET /devicegroups?'));
    // 2.6.1's order: the later filter (type) varies slowest
    const combos: Array<[string, string]> = [
      [product.id, 'development_devicegroup'],
      [product2.id, 'development_devicegroup'],
      [product.id, 'pre_dut_devicegroup'],
      [product2.id, 'pre_dut_devicegroup'],
    ];
    expect(lists).toHaveLength(4);
    combos.forEach(([pid, type], i) => {
      expect(lists[i]).toContain(`filter[product.id]=${pid}`);
      expect(lists[i]).toContain(`filter[type]=${type}`);
    });
    // results concatenated in request order
    expect(json(r).map((x: any) => x['Device Group'].id)).toEqual([dev.id, staging.id, envDg.id, preDut.id]);
    const none = await w.requests(() => w.run(['dg', 'list', '-p', 'NoSuchProduct', '-y', 'dut']));
    expect(none.filter((r) => r.startsWith('GET /devicegroups'))).toEqual([]);
  });
});
