// impt build list / delete / cleanup (interface/build.md): every list
// filter, delete planning with --force/--unflag, the min supported rule.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { atTerminal, fails, ok, setup, usage } from './build-fixtures.js';

const env = setup('blst');
let n = 0;
async function build(dg: any, attrs: Record<string, unknown> = {}, c = env.api): Promise<any> {
  n += 1;
  const r = await c.post('/deployments', {
    data: {
      type: 'deployment',
      attributes: { device_code: `d${n}();`, agent_code: '', ...attrs },
      relationships: { devicegroup: { type: dg.type, id: dg.id } },
    },
  });
  return r.body.data;
}
/** Builds whose Device Group is deleted afterwards ("zombies"); `flagged` ones are flagged after. */
async function zombies(count: number, flagged = 0): Promise<{ product: any; ids: string[] }> {
  const { product, dg } = await env.group();
  const made = [];
  for (let i = 0; i < count + flagged; i++) made.push(await build(dg));
  await env.api.del(`/devicegroups/${dg.id}`);
  for (const b of made.slice(count)) await env.api.patch(`/deployments/${b.id}`, { data: { type: 'deployment', id: b.id, attributes: { flagged: true } } });
  return { product, ids: made.map((b) => b.id) };
}
const ids = (json: string) => (JSON.parse(json) as any[]).map((i) => i.Deployment.id);
const exists = async (id: string) => (await env.api.get(`/deployments/${id}`)).status === 200;

describe('build list', () => {
  it('lists with Device Group blocks, in default, minimal and json modes', async () => {
    const { product, dg } = await env.group();
    const b1 = await build(dg, { tags: ['l1', 'l2'] });
    const b2 = await build(dg, { flagged: true });
    const out = ok(await env.run(['build', 'list', '-p', product.attributes.name]));
    const block = (b: any, extra: string) =>
      `Deployment: \n  id:           ${b.id}\n  sha:          ${b.attributes.sha}\n${extra}  Device Group: \n    id:   ${dg.id}\n    type: development\n    name: ${dg.attributes.name}\n`;
    expect(out).toBe(`Deployment list (2 items):\n${block(b1, '  tags:         l1, l2\n')}${block(b2, '  flagged:      true\n')}IMPT COMMAND SUCCEEDS\n`);
    const minimal = ok(await env.run(['build', 'list', '-p', product.id, '-z', 'minimal']));
    expect(minimal).toBe(`${block(b1, '  tags:         l1,l2\n')}${block(b2, '  flagged:      true\n')}`);
    expect(ids(ok(await env.run(['build', 'list', '-p', product.id, '-z', 'json'])))).toEqual([b1.id, b2.id]);
    const table = ok(await env.run(['build', 'list', '-p', product.id, '-z', 'table']));
    expect(table).toContain('Deployment list (2 items):\n');
    expect(table).toContain(b1.id);
    expect(table).toContain('Device Group.name');
  });

  it('combines filters: same option OR, different options AND', async () => {
    const { product, dg } = await env.group();
    const other = await env.group();
    const a = await build(dg, { tags: ['fa'] });
    const b = await build(dg, { tags: ['fb'], flagged: true });
    const c = await build(other.dg, { tags: ['fa'] });
    const list = async (...args: string[]) => ids(ok(await env.run(['build', 'list', ...args, '-z', 'json'])));
    expect(await list('-t', 'fa', '-t', 'fb')).toEqual([a.id, c.id, b.id]);
    expect(await list('-t', 'fa', '-g', dg.attributes.name)).toEqual([a.id]);
    expect(await list('-g', dg.id, '-g', other.dg.id, '-f')).toEqual([b.id]);
    expect(await list('-g', dg.id, '-u')).toEqual([a.id]);
    expect(await list('-g', dg.id, '-f', '-u')).toEqual([a.id, b.id]);
    expect(await list('-s', c.attributes.sha)).toEqual([c.id]);
    expect(await list('-p', product.id, '-p', other.product.attributes.name, '-t', 'fa')).toEqual([a.id, c.id]);
    expect(await list('-p', product.id, '-y', 'production')).toEqual([]);
    expect(await list('-p', product.id, '--dg-type', 'development', '-n')).toEqual([a.id, b.id]);
    expect(await list('-p', product.id, '-o', 'me')).toEqual([a.id, b.id]);
    expect(await list('-p', product.id, '-o', 'bob')).toEqual([]);
  });

  it('returns nothing without a list request when a filter matches nothing', async () => {
    await env.requests();
    const out = ok(await env.run(['build', 'list', '-g', 'no-such-dg-anywhere']));
    expect(out).toBe('No Deployments are found.\nIMPT COMMAND SUCCEEDS\n');
    expect((await env.requests()).some((r) => r.startsWith('GET /deployments'))).toBe(false);
    expect(ok(await env.run(['build', 'list', '-p', 'no-such-product', '-z', 'json']))).toBe('[]\n');
    expect(ok(await env.run(['build', 'list', '-o', 'nobody', '-z', 'minimal']))).toBe('');
  });

  it('tells zombies from other builds and shows foreign owners', async () => {
    const z = await zombies(1);
    const out = ok(await env.run(['build', 'list', '-p', z.product.id, '-m']));
    expect(out).toContain(`Deployment list (1 items):\nDeployment: \n  id:  ${z.ids[0]}\n`);
    expect(out).not.toContain('Device Group');
    expect(ids(ok(await env.run(['build', 'list', '-p', z.product.id, '-n', '-z', 'json'])))).toEqual([]);
    expect(ids(ok(await env.run(['build', 'list', '-p', z.product.id, '-m', '-n', '-z', 'json'])))).toEqual(z.ids);
    const bob = await env.group('development_devicegroup', 'bob');
    const bb = await build(bob.dg, {}, env.bob);
    const bobOut = ok(await env.run(['build', 'list', '-o', 'bob@example.com']));
    expect(bobOut).toContain(`  id:           ${bb.id}\n`);
    expect(bobOut).toMatch(/  Owner: \n    id:       [0-9a-f-]{36}\n    email:    bob@example.com\n    username: bob\n/);
  });

  it('takes an empty --product or --dg value from the Project file, checked before authentication', async () => {
    const { product, dg } = await env.group();
    const other = await env.group('development_devicegroup');
    const mine = await build(dg);
    const sibling = await env.api.createDg(product.id, 'development_devicegroup', `${dg.attributes.name}-sib`);
    const sib = await build(sibling);
    await build(other.dg);
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, '.impt.project'), JSON.stringify({ deviceGroupId: dg.id }));
    expect(ids(ok(await env.run(['build', 'list', '-g', '', '-z', 'json'], cwd)))).toEqual([mine.id]);
    expect(ids(ok(await env.run(['build', 'list', '-p', '', '-z', 'json'], cwd)))).toEqual([mine.id, sib.id]);
    expect(ids(ok(await env.run(['build', 'list', '-g', '', '-g', other.dg.id, '-z', 'json'], cwd)))).toHaveLength(2);
    const gone = tempDir();
    fs.writeFileSync(path.join(gone, '.impt.project'), JSON.stringify({ deviceGroupId: '00000000-0000-0000-0000-0000000000ee' }));
    fails(await env.run(['build', 'list', '-g', ''], gone), 'Device Group "00000000-0000-0000-0000-0000000000ee", saved in Project File, does not exist anymore.');
    const loggedOut = { home: tempDir(), cwd: tempDir() };
    fails(await runImpt(['build', 'list', '-p', ''], loggedOut), 'No Product Identifier is specified.');
    fails(await runImpt(['build', 'list', '-o', ''], loggedOut), 'No Account Identifier is specified.');
  });

  it('validates filter values', async () => {
    fails(await env.run(['build', 'list', '-o', '']), 'No Account Identifier is specified.');
    fails(await env.run(['build', 'list', '-g', '', '-z', 'json']), 'No Device Group Identifier is specified.', 'json');
    usage(
      await env.run(['build', 'list', '-y', 'development', '-y', 'lab']),
      'Invalid values:\n  Argument: dg-type, Given: "development", "lab", Choices: "development", "pre-factory", "pre-dut", "pre-production", "factory", "dut", "production"',
    );
    usage(await env.run(['build', 'list', '--zombie', 'false']), 'Option "--zombie" has incorrect value "false".');
    usage(await env.run(['build', 'list', '--sha']), 'Not enough arguments following: sha');
  });
});

describe('build delete', () => {
  it('asks for confirmation; -q deletes and names the build as typed', async () => {
    const { dg } = await env.group();
    const old = await build(dg, { tags: ['del-me'] });
    await build(dg);
    fails(await env.run(['build', 'delete', '-b', 'del-me']), 'Confirmation is required; run the command with --confirmed (-q) in non-interactive use.');
    expect(await exists(old.id)).toBe(true);
    expect(ok(await env.run(['build', 'delete', '-b', 'del-me', '-q']))).toBe('Deployment "del-me" is deleted successfully.\nIMPT COMMAND SUCCEEDS\n');
    expect(await exists(old.id)).toBe(false);
    fails(await env.run(['build', 'delete', '-b', old.id, '-q']), `Deployment "${old.id}" is not found.`);
    usage(await env.run(['build', 'delete']), 'Missing required argument: build');
  });

  it('shows the plan at a terminal and cancels on "n"', async () => {
    const { dg } = await env.group();
    const b = await build(dg, { flagged: true });
    await build(dg);
    const r = await atTerminal(env, ['build', 'delete', '-b', b.id, '-f'], ['n']);
    expect(r.code).toBe(1);
    expect(r.text).toContain(`The following entities will be deleted:\nDeployment: \n  id:      ${b.id}\n  sha:     ${b.attributes.sha}\n  flagged: true\n\n`);
    expect(r.text).toContain('The following Deployments are marked "flagged" to prevent deleting. They will be modified by setting "flagged" attribute to false:\nDeployment: ');
    // the prompt line starts at the first column
    expect(r.text).toContain("Are you sure you want to continue?\nEnter 'y' (yes) or 'n' (no):");
    expect(r.text).toContain('Operation is canceled.\nIMPT COMMAND FAILS');
    expect(await exists(b.id)).toBe(true);
  });

  it('needs --force for flagged builds', async () => {
    const { dg } = await env.group();
    const b = await build(dg, { flagged: true, tags: ['flag-del'] });
    await build(dg);
    fails(await env.run(['build', 'delete', '-b', 'flag-del', '-q']), 'Resource Flagged: You cannot delete flagged deployments; set the flagged attribute to false and try again.');
    fails(await env.run(['build', 'delete', '-b', 'flag-del', '-q', '-z', 'json']), 'Resource Flagged: You cannot delete flagged deployments; set the flagged attribute to false and try again.', 'json');
    expect(ok(await env.run(['build', 'delete', '-b', 'flag-del', '-q', '-f']))).toBe(
      'Deployment "flag-del" is updated successfully.\nDeployment "flag-del" is deleted successfully.\nIMPT COMMAND SUCCEEDS\n',
    );
    expect(await exists(b.id)).toBe(false);
  });

  it('refuses the min supported Deployment and newer ones', async () => {
    const { dg } = await env.group();
    const b1 = await build(dg);
    const b2 = await build(dg);
    const b3 = await build(dg);
    await env.api.put(`/devicegroups/${dg.id}/relationships/min_supported_deployment`, { data: { type: 'deployment', id: b2.id } });
    fails(await env.run(['build', 'delete', '-b', b2.attributes.sha, '-q']), `Impossible to delete Deployment "${b2.attributes.sha}". It is the Min supported Deployment or newer for Device Group "${dg.id}".`);
    fails(await env.run(['build', 'delete', '-b', b3.id, '-q', '-z', 'minimal']), `Impossible to delete Deployment "${b3.id}". It is the Min supported Deployment or newer for Device Group "${dg.id}".`, 'minimal');
    expect(ok(await env.run(['build', 'delete', '-b', b1.id, '-q', '-z', 'json']))).toBe('{}\n');
    expect(await exists(b1.id)).toBe(false);
  });
});

describe('build cleanup', () => {
  it('reports when there are no zombies', async () => {
    const { product, dg } = await env.group();
    await build(dg);
    expect(ok(await env.run(['build', 'cleanup', '-p', product.id]))).toBe('No Deployments are found.\nIMPT COMMAND SUCCEEDS\n');
    expect(ok(await env.run(['build', 'cleanup', '-p', 'no-such-product', '-z', 'json']))).toBe('{}\n');
  });

  it('deletes unflagged zombies of a product; --unflag takes the flagged ones too', async () => {
    const z = await zombies(2, 1);
    fails(await env.run(['build', 'cleanup', '-p', z.product.attributes.name]), 'Confirmation is required; run the command with --confirmed (-q) in non-interactive use.');
    const out = ok(await env.run(['build', 'cleanup', '-p', z.product.attributes.name, '-q']));
    expect(out).toBe(`Deployment "${z.ids[0]}" is deleted successfully.\nDeployment "${z.ids[1]}" is deleted successfully.\nIMPT COMMAND SUCCEEDS\n`);
    expect(await exists(z.ids[2]!)).toBe(true);
    const out2 = ok(await env.run(['build', 'cleanup', '-p', z.product.id, '-u', '-q']));
    expect(out2).toBe(`Deployment "${z.ids[2]}" is updated successfully.\nDeployment "${z.ids[2]}" is deleted successfully.\nIMPT COMMAND SUCCEEDS\n`);
    expect(await exists(z.ids[2]!)).toBe(false);
  });

  it('shows the flagged section at a terminal with --unflag', async () => {
    const z = await zombies(1, 1);
    const r = await atTerminal(env, ['build', 'cleanup', '-p', z.product.id, '-u'], ['y']);
    expect(r.code).toBe(0);
    expect(r.text).toContain(`The following entities will be deleted:\nDeployment: \n  id:  ${z.ids[0]}\n`);
    expect(r.text).toContain(`"flagged" attribute to false:\nDeployment: \n  id:      ${z.ids[1]}\n`);
    expect(r.text).toContain(`Deployment "${z.ids[1]}" is deleted successfully.`);
  });

  it('without --product cleans every zombie and leaves the others', async () => {
    const z = await zombies(1);
    const { dg } = await env.group();
    const keep = await build(dg);
    expect(ok(await env.run(['build', 'cleanup', '-q', '-z', 'minimal']))).toBe('');
    expect(await exists(z.ids[0]!)).toBe(false);
    expect(await exists(keep.id)).toBe(true);
    usage(await env.run(['build', 'cleanup', '-p', '']), 'Option "--product" must not be empty.');
  });
});
