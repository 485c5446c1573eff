// impt product info --full (the full structure of a Product) and
// impt product delete --force --builds with real Device Groups,
// deployments and devices (interface/product.md).
import { describe, expect, it } from 'vitest';
import { answer } from './dg-tty.js';
import { assign, type Client, expectFailure, json, OFFLINE_DEVICE, SUCCEEDS, tick, useWorld } from './dg-world.js';

const w = useWorld();

const exists = async (coll: string, id: string) => (await w.demo.get(`/${coll}/${id}`)).status === 200;

/** SmartLamp-like product: LampDev (2 deployments, devices, webhook) and a pre-factory with its two targets. */
async function smartLamp(devices: string[], c: Client = w.demo) {
  const product = await c.createProduct(w.name('SmartLamp'), 'Smart lamp firmware');
  const dev = await c.createDg(product.id, 'development_devicegroup', 'LampDev');
  const rc1 = await c.deploy(dev, { tags: ['RC1'], device_code: `// ${product.id} 1` });
  await tick();
  const rc2 = await c.deploy(dev, { tags: ['RC2', 'beta'], origin: 'github.com/acme/lamp', flagged: true, device_code: `// ${product.id} 2` });
  await c.put(`/devicegroups/${dev.id}/relationships/min_supported_deployment`, { data: { type: 'deployment', id: rc1.id } });
  if (devices.length) await assign(c, dev.id, devices);
  const preProd = await c.createDg(product.id, 'pre_production_devicegroup', 'LampPreProd');
  const preDut = await c.createDg(product.id, 'pre_dut_devicegroup', 'LampPreDut');
  const preFactory = await c.createDg(product.id, 'pre_factoryfixture_devicegroup', 'LampPreFactory', {
    production_target: { type: preProd.type, id: preProd.id },
    dut_target: { type: preDut.type, id: preDut.id },
  });
  return { product, dev, rc1, rc2, preProd, preDut, preFactory };
}

describe.concurrent('product info --full', () => {
  it('shows every Device Group with deployments, targets, back-references, webhooks and devices', async () => {
    const devices = [...w.devices(5), OFFLINE_DEVICE];
    const s = await smartLamp(devices);
    const hook = (
      await w.demo.post('/webhooks', {
        data: {
          type: 'webhook',
          attributes: { url: 'https://example.com/deployed', event: 'deployment', content_type: 'application/json' },
          relationships: { devicegroup: { type: s.dev.type, id: s.dev.id } },
        },
      })
    ).body.data;
    const name = s.product.attributes.name;
    const [text, minimal, full] = await Promise.all([
      w.run(['product', 'info', '-p', name, '--full']),
      w.run(['product', 'info', '-p', s.product.id, '-u', '-z', 'minimal']),
      w.run(['product', 'info', '-p', `{me}{${name}}`, '--full', '-z', 'json']),
    ]);
    const a = s.product.attributes;
    expect(text.stdout.startsWith(
      `Product: \n  id:            ${s.product.id}\n  name:          ${name}\n  description:   Smart lamp firmware\n  created_at:    ${a.created_at}\n  updated_at:    ${a.updated_at}\n  Device Groups: \n    Device Group: \n      id:                       ${s.dev.id}\n      type:                     development\n      name:                     LampDev\n      Current Deployment: \n        id:      ${s.rc2.id}\n        sha:     ${s.rc2.attributes.sha}\n        tags:    RC2, beta\n        origin:  github.com/acme/lamp\n        flagged: true\n      Min supported Deployment: \n        id:   ${s.rc1.id}\n        sha:  ${s.rc1.attributes.sha}\n        tags: RC1\n      Webhooks: \n        Webhook: \n          id:    ${hook.id}\n          event: deployment\n          url:   https://example.com/deployed\n      Devices: \n        Device: \n          id:            ${devices[0]}\n`,
    )).toBe(true);
    expect(text.stdout.match(/^ {8}Device: $/gm)).toHaveLength(5);
    expect(text.stdout).toContain('\n        ... 1 more Device(s)\n    Device Group: \n');
    expect(text.stdout).toContain(
      `    Device Group: \n      id:                    ${s.preProd.id}\n      type:                  pre-production\n      name:                  LampPreProd\n      Production Target for: \n        Device Group: \n          id:   ${s.preFactory.id}\n          type: pre-factory\n          name: LampPreFactory\n`,
    );
    expect(text.stdout).toContain(
      `      name:              LampPreFactory\n      Production Target: \n        id:   ${s.preProd.id}\n        type: pre-production\n        name: LampPreProd\n      DUT Target: \n        id:   ${s.preDut.id}\n        type: pre-dut\n        name: LampPreDut\n${SUCCEEDS}\n`,
    );
    expect(minimal.stdout).toContain('        tags:    RC2,beta\n');
    expect(minimal.stdout).not.toContain(SUCCEEDS);

    const groups = json(full).Product['Device Groups'];
    expect(groups.map((g: any) => g['Device Group'].name)).toEqual(['LampDev', 'LampPreProd', 'LampPreDut', 'LampPreFactory']);
    const lampDev = groups[0]['Device Group'];
    expect(Object.keys(lampDev)).toEqual(['id', 'type', 'name', 'Current Deployment', 'Min supported Deployment', 'Webhooks', 'Devices']);
    // json never truncates; the offline device has no device_online
    expect(lampDev.Devices.map((d: any) => d.Device.id)).toEqual(devices);
    expect(lampDev.Devices[5].Device.device_online).toBeUndefined();
    expect(groups[2]['Device Group']['DUT Target for']).toEqual([{ 'Device Group': { id: s.preFactory.id, type: 'pre-factory', name: 'LampPreFactory' } }]);
  });

  it('leaves out Device Groups for a product without groups; shows foreign Owner/Creator', async () => {
    const empty = await w.demo.createProduct(w.name('EmptyLamp'));
    const ops = await w.ops.createProduct(w.name('OpsLamp'));
    await w.ops.createDg(ops.id, 'development_devicegroup', 'OpsDev');
    const [e, o] = await Promise.all([
      w.run(['product', 'info', '-p', empty.id, '--full', '-z', 'json']),
      w.run(['product', 'info', '-p', ops.id, '--full', '-z', 'json']),
    ]);
    expect(Object.keys(json(e).Product)).toEqual(['id', 'name', 'description', 'created_at', 'updated_at']);
    const p = json(o).Product;
    expect(p.Owner).toEqual({ id: w.opsId, email: 'ops@acme.example', username: 'acme-ops' });
    expect(p.Creator).toEqual(p.Owner);
    expect(p['Device Groups'].map((g: any) => g['Device Group'].name)).toEqual(['OpsDev']);
  });

  it('uses the Project file and fetches each related entity once', async () => {
    const s = await smartLamp([]);
    const r = await w.run(['product', 'info', '--full', '-z', 'json'], w.projectDir(s.preFactory.id));
    expect(json(r).Product.id).toBe(s.product.id);
  });
});

describe('product info --full requests', () => {
  it('targets of the same product are not fetched again', async () => {
    const s = await smartLamp([]);
    const reqs = await w.requests(() => w.run(['product', 'info', '-p', s.product.id, '--full']));
    expect(reqs.filter((q) => q.startsWith('GET /devicegroups/'))).toEqual([]);
    expect(reqs.filter((q) => q.startsWith('GET /devicegroups?'))).toHaveLength(1);
    expect(reqs.filter((q) => q.startsWith(`GET /deployments/`)).sort()).toEqual([`GET /deployments/${s.rc1.id}`, `GET /deployments/${s.rc2.id}`].sort());
  });
});

describe.concurrent('product delete --force --builds', () => {
  it('shows the full summary and changes nothing when the answer is no', async () => {
    const devices = w.devices(1);
    const s = await smartLamp(devices);
    const r = await answer(['product', 'delete', '-p', s.product.attributes.name, '--force', '--builds'], w.home, ['n']);
    const dgShort = (g: any, type: string) => `Device Group: \n  id:   ${g.id}\n  type: ${type}\n  name: ${g.attributes.name}\n`;
    const rc2 = `Deployment: \n  id:      ${s.rc2.id}\n  sha:     ${s.rc2.attributes.sha}\n  tags:    RC2, beta\n  origin:  github.com/acme/lamp\n  flagged: true\n`;
    expect(r.text).toContain(
      `The following entities will be deleted:\nProduct: \n  id:   ${s.product.id}\n  name: ${s.product.attributes.name}\n${dgShort(s.dev, 'development')}${dgShort(s.preProd, 'pre-production')}${dgShort(s.preDut, 'pre-dut')}${dgShort(s.preFactory, 'pre-factory')}Deployment: \n  id:   ${s.rc1.id}\n  sha:  ${s.rc1.attributes.sha}\n  tags: RC1\n${rc2}\n`,
    );
    expect(r.text).toContain(`\nThe following Devices will be unassigned from Device Groups:\nDevice: \n  id:            ${devices[0]}\n`);
    expect(r.text).toContain(
      `\nThe following Deployments are marked "flagged" to prevent deleting. They will be modified by setting "flagged" attribute to false:\n${rc2}\nAre you sure you want to continue?\n`,
    );
    expect(r.text).toContain('Operation is canceled.\nIMPT COMMAND FAILS');
    expect(r.code).toBe(1);
    expect(await exists('products', s.product.id)).toBe(true);
    expect((await w.demo.get(`/deployments/${s.rc2.id}`)).body.data.attributes.flagged).toBe(true);
  });

  it('with -q unassigns, unflags, deletes groups (targets last), the product, then every deployment', async () => {
    const devices = w.devices(2);
    const s = await smartLamp(devices);
    // a flagged deployment of a group deleted earlier
    const old = await w.demo.createDg(s.product.id, 'development_devicegroup', 'OldGroup');
    const zombie = await w.demo.deploy(old, { device_code: `// ${s.product.id} zombie` });
    expect((await w.demo.del(`/devicegroups/${old.id}`)).status).toBe(204);
    await w.demo.patch(`/deployments/${zombie.id}`, { data: { type: 'deployment', id: zombie.id, attributes: { flagged: true } } });

    const r = await w.run(['product', 'delete', '-p', `{me}{${s.product.attributes.name}}`, '--force', '--builds', '-q']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      `Device "${devices[0]}" is unassigned successfully.`,
      `Device "${devices[1]}" is unassigned successfully.`,
      `Deployment "${s.rc2.id}" is updated successfully.`,
      `Deployment "${zombie.id}" is updated successfully.`,
    ]);
    expect(lines[4]).toBe(`Device Group "${s.preFactory.id}" is deleted successfully.`);
    expect(lines.slice(5, 8).sort()).toEqual([s.dev, s.preProd, s.preDut].map((g) => `Device Group "${g.id}" is deleted successfully.`).sort());
    expect(lines[8]).toBe(`Product "{me}{${s.product.attributes.name}}" is deleted successfully.`);
    expect(lines.slice(9, 12).sort()).toEqual([s.rc1, s.rc2, zombie].map((d) => `Deployment "${d.id}" is deleted successfully.`).sort());
    expect(lines[12]).toBe(SUCCEEDS);
    expect(r.code).toBe(0);
    expect(await exists('products', s.product.id)).toBe(false);
    expect(await Promise.all([s.dev, s.preFactory].map((g) => exists('devicegroups', g.id)))).toEqual([false, false]);
    expect(await Promise.all([s.rc1, s.rc2, zombie].map((d) => exists('deployments', d.id)))).toEqual([false, false, false]);
    for (const d of devices) expect((await w.demo.get(`/devices/${d}`)).body.data.relationships?.devicegroup).toBeUndefined();
  });

  it('is silent in minimal and json modes', async () => {
    const [a, b] = await Promise.all([smartLamp([]), smartLamp([])]);
    const [m, j] = await Promise.all([
      w.run(['product', 'delete', '-p', a.product.id, '-f', '-b', '-q', '-z', 'minimal']),
      w.run(['product', 'delete', '-p', b.product.id, '--force', '--builds', '--confirmed', '-z', 'json']),
    ]);
    expect(m.stdout).toBe('');
    expect(json(j)).toEqual({});
    expect(await Promise.all([a, b].map((s) => exists('products', s.product.id)))).toEqual([false, false]);
  });

  it('without --force the server refuses a product with groups', async () => {
    const s = await smartLamp([]);
    expectFailure(
      await w.run(['product', 'delete', '-p', s.product.id, '-q']),
      'Dependent Devicegroups Exist: Cannot delete a product with associated devicegroups.',
    );
    expect(await exists('products', s.product.id)).toBe(true);
  });

  it('--builds without --force deletes the product, then fails on a flagged deployment', async () => {
    const product = await w.demo.createProduct(w.name('FlaggedLamp'));
    const g = await w.demo.createDg(product.id, 'development_devicegroup', 'Gone');
    const dep = await w.demo.deploy(g, { device_code: `// ${product.id}` });
    await w.demo.del(`/devicegroups/${g.id}`);
    await w.demo.patch(`/deployments/${dep.id}`, { data: { type: 'deployment', id: dep.id, attributes: { flagged: true } } });
    const r = await w.run(['product', 'delete', '-p', product.id, '--builds', '-q']);
    expect(r.stdout).toBe(
      `Product "${product.id}" is deleted successfully.\nError: Resource Flagged: You cannot delete flagged deployments; set the flagged attribute to false and try again.\nIMPT COMMAND FAILS\n`,
    );
    expect(r.code).toBe(1);
    expect(await exists('products', product.id)).toBe(false);
    expect(await exists('deployments', dep.id)).toBe(true);
  });

  it('uses the Project file for the product and keeps the file', async () => {
    const s = await smartLamp([]);
    const r = await w.run(['product', 'delete', '--force', '-q', '-z', 'json'], w.projectDir(s.dev.id));
    expect(json(r)).toEqual({});
    expect(await exists('products', s.product.id)).toBe(false);
  });
});
