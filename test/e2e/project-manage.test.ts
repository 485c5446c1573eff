// impt project info / update / delete against the emulator
// (interface/project.md): Project file validation, --full, the deletion plan
// and its execution, in default, minimal and json modes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { CONFIRM, fails, has, imptTty, ok, plannedProductAndGroup, readIn, seed, uniq, useEmulator, writeIn } from './project-support.js';

const dev = (n: number) => `30000c2a6901${String(n).padStart(4, '0')}`;
const env = useEmulator(seed('30000c2a6901', 12, 'pm', [2]));
const run = (args: string[], cwd: string) => env.run(args, cwd);
const projectFile = (dir: string) => readIn(dir, '.impt.project');
const writeProject = (dir: string, content: unknown) => writeIn(dir, '.impt.project', content);

/** A development project made by `project create` in a fresh directory. */
async function project(extra: string[] = []): Promise<{ dir: string; dg: any; product: any }> {
  const dir = tempDir();
  const product = await env.api.createProduct(uniq('PMP'));
  ok(await run(['project', 'create', '-p', product.id, '-n', uniq('PMDG'), ...extra], dir));
  const dg = (await env.api.get(`/devicegroups/${JSON.parse(projectFile(dir)).deviceGroupId}`)).body.data;
  return { dir, dg, product };
}

/** A pre-factory project with both targets. */
async function preFactory(): Promise<{ dir: string; dg: any; product: any; prodT: any; dutT: any }> {
  const dir = tempDir();
  const product = await env.api.createProduct(uniq('PFP'));
  const prodT = await env.api.createDg(product.id, 'pre_production_devicegroup', uniq('pp'));
  const dutT = await env.api.createDg(product.id, 'pre_dut_devicegroup', uniq('pd'));
  ok(await run(['project', 'create', '-p', product.id, '-n', uniq('pf'), '-f', '-t', prodT.id, '-u', dutT.id], dir));
  const dg = (await env.api.get(`/devicegroups/${JSON.parse(projectFile(dir)).deviceGroupId}`)).body.data;
  return { dir, dg, product, prodT, dutT };
}

const PROJECT_ERRORS = async (cmd: string[]) => {
  const dir = tempDir();
  fails(await run(cmd, dir), 'Project File is not found in the current directory.');
  writeProject(dir, '{not json');
  fails(await run(cmd, dir), 'Project File is corrupted.');
  writeProject(dir, { deviceFile: 'device.nut' });
  fails(await run(cmd, dir), 'Project File is corrupted.');
  // the Device Group was deleted: the file stays
  const product = await env.api.createProduct(uniq('Gone'));
  const dg = await env.api.createDg(product.id, 'development_devicegroup', uniq('gone'));
  await env.api.del(`/devicegroups/${dg.id}`);
  const content = { deviceGroupId: dg.id, deviceFile: 'device.nut', agentFile: 'agent.nut' };
  writeProject(dir, content);
  const out = fails(await run(cmd, dir), `Device Group "${dg.id}", saved in Project File, does not exist anymore.`);
  expect(out).toContain(
    'does not exist anymore.\nImpossible to execute the command.\nUse "impt project delete" command to delete the outdated Project.\nIMPT COMMAND FAILS\n',
  );
  const min = await run([...cmd, '-z', 'minimal'], dir);
  expect(min.stdout).toBe(`Error: Device Group "${dg.id}", saved in Project File, does not exist anymore.\n`);
  const json = await run([...cmd, '-z', 'json'], dir);
  expect(JSON.parse(json.stdout)).toEqual({ Error: `Device Group "${dg.id}", saved in Project File, does not exist anymore.` });
  expect(projectFile(dir)).toBe(JSON.stringify(content, null, 2));
};


describe('project info', () => {
  it('shows the Project block in every mode; --full adds webhooks, devices and the auth block', async () => {
    const { dir, dg, product } = await project();
    const out = ok(await run(['project', 'info'], dir));
    expect(out).toBe(
      [
        'Project: ',
        '  Device file:  device.nut',
        '  Agent file:   agent.nut',
        '  Device Group: ',
        `    id:          ${dg.id}`,
        '    type:        development',
        `    name:        ${dg.attributes.name}`,
        '    description: ',
        '    region:      ',
        `    created_at:  ${dg.attributes.created_at}`,
        `    updated_at:  ${dg.attributes.updated_at}`,
        '    Product: ',
        `      id:   ${product.id}`,
        `      name: ${product.attributes.name}`,
        'IMPT COMMAND SUCCEEDS',
        '',
      ].join('\n'),
    );
    expect(ok(await run(['project', 'info', '-z', 'minimal'], dir))).toBe(out.replace('IMPT COMMAND SUCCEEDS\n', ''));

    const hook = await env.api.post('/webhooks', {
      data: { type: 'webhook', attributes: { url: 'https://example.com/hook', event: 'deployment', content_type: 'application/json' }, relationships: { devicegroup: { type: dg.type, id: dg.id } } },
    });
    expect(hook.status).toBe(201);
    await env.assign(dg.id, dev(1), dev(2), dev(3), dev(4), dev(5), dev(6));
    const full = ok(await run(['project', 'info', '--full'], dir));
    expect(full).toContain(`    Webhooks: \n      Webhook: \n        id:    ${hook.body.data.id}\n        event: deployment\n        url:   https://example.com/hook\n    Devices: \n      Device: \n`);
    expect(full.match(/      Device: \n/g)).toHaveLength(5);
    expect(full).toContain('      ... 1 more Device(s)\n');
    expect(full).toMatch(/\nAuth: \n  Auth type: {17}Global Auth file\n  impCentral API endpoint: {3}http:\/\/127\.0\.0\.1:\d+\/v5\n  Access token auto refresh: true\n  Login method: {14}User\/Password\n  Username: {18}demo\n  Email: {21}demo@example.com\n  Account id: {16}\S+\nIMPT COMMAND SUCCEEDS\n$/);
    // offline device: no device_online line
    expect(full).toMatch(new RegExp(`id: +${dev(2)}\\n +name: +pm2\\n +mac_address: +\\S+\\n +agent_id: +\\S+\\n +Device: `));

    const json = JSON.parse(ok(await run(['project', 'info', '-u', '-z', 'json'], dir)));
    expect(Object.keys(json)).toEqual(['Project', 'Auth']);
    expect(json.Project['Device Group'].Devices).toHaveLength(6);
    expect(json.Project['Device Group'].Webhooks).toEqual([{ Webhook: { id: hook.body.data.id, event: 'deployment', url: 'https://example.com/hook' } }]);
    expect(json.Auth['Auth type']).toBe('Global Auth file');
    const plain = JSON.parse(ok(await run(['project', 'info', '-z', 'json'], dir)));
    expect(Object.keys(plain)).toEqual(['Project']);
    expect(plain.Project['Device Group'].Devices).toBeUndefined();
  });

  it('shows targets, "Production Target for", the owner of a collaborated Product, and omits absent file names', async () => {
    const { dg, prodT, dutT } = await preFactory();
    const dir = tempDir();
    writeProject(dir, { deviceGroupId: prodT.id });
    const out = ok(await run(['project', 'info', '-u'], dir));
    expect(out).not.toMatch(/Device file|Agent file/);
    expect(out).toContain(`    Production Target for: \n      Device Group: \n        id:   ${dg.id}\n        type: pre-factory\n`);
    writeProject(dir, { deviceGroupId: dutT.id, agentFile: 'only-agent.nut' });
    const dut = ok(await run(['project', 'info', '--full'], dir));
    expect(dut).toContain('Project: \n  Agent file:   only-agent.nut\n');
    expect(dut).toContain(`    DUT Target for: \n      Device Group: \n        id:   ${dg.id}\n`);

    const bobProduct = await env.bob.createProduct(uniq('BobP'));
    const bobDir = tempDir();
    const created = ok(await run(['project', 'create', '-p', bobProduct.id, '-n', uniq('bobdg')], bobDir));
    expect(created).toMatch(/    Owner: \n      id: +\S+\n      email: +bob@example.com\n      username: bob\n/);
    expect(created).not.toContain('Creator:');
  });

  it('fails without a valid Project file or with a deleted Device Group', async () => {
    await PROJECT_ERRORS(['project', 'info']);
    const dir = tempDir();
    const r = await run(['project', 'info', '--full', 'false'], dir);
    expect(r.stdout).toMatch(/^\nUsage: impt project info /);
    expect(r.stdout).toContain('Error: Option "--full" has incorrect value "false".\nIMPT COMMAND FAILS\n');
  });
});

describe('project update', () => {
  it('updates the Device Group and the file names; keeps key order and unknown keys', async () => {
    const { dir, dg } = await project(['-s', 'first']);
    writeProject(dir, { agentFile: 'agent.nut', deviceGroupId: dg.id, custom: 42, deviceFile: 'device.nut' });
    fs.unlinkSync(path.join(dir, 'agent.nut'));
    const newName = uniq('Renamed');
    const out = ok(await run(['project', 'update', '-n', newName, '-s', 'second', '-x', 'new.device.nut'], dir));
    expect(out.split('\n').slice(0, 5)).toEqual([
      `Device Group "${dg.id}" is updated successfully.`,
      'Device source file "new.device.nut" is created successfully.',
      'Agent source file "agent.nut" is created successfully.',
      'Project is updated successfully.',
      'Project: ',
    ]);
    expect(out).toMatch(new RegExp(`  Device file:  new.device.nut\\n  Agent file:   agent.nut\\n[\\s\\S]*name: +${newName}\\n +description: second\\n`));
    expect(projectFile(dir)).toBe(`{\n  "agentFile": "agent.nut",\n  "deviceGroupId": "${dg.id}",\n  "custom": 42,\n  "deviceFile": "new.device.nut"\n}`);
    const after = (await env.api.get(`/devicegroups/${dg.id}`)).body.data.attributes;
    expect([after.name, after.description]).toEqual([newName, 'second']);

    // "" alone does not touch the Device Group; with --name it clears the description
    const alone = ok(await run(['project', 'update', '-s', ''], dir));
    expect(alone).not.toContain('is updated successfully.\nProject is');
    expect(alone.startsWith('Project is updated successfully.\n')).toBe(true);
    expect((await env.api.get(`/devicegroups/${dg.id}`)).body.data.attributes.description).toBe('second');
    const min = ok(await run(['project', 'update', '-n', newName, '-s', '', '-y', 'a2.nut', '-z', 'minimal'], dir));
    expect(min.startsWith('Project: \n  Device file:  new.device.nut\n  Agent file:   a2.nut\n')).toBe(true);
    expect(min).not.toMatch(/successfully|IMPT COMMAND/);
    expect((await env.api.get(`/devicegroups/${dg.id}`)).body.data.attributes.description).toBe('');
    expect(has(dir, 'a2.nut')).toBe(true);

    const json = JSON.parse(ok(await run(['project', 'update', '-z', 'json'], dir)));
    expect(json.Project['Agent file']).toBe('a2.nut');
    expect(json.Project['Device Group'].id).toBe(dg.id);
  });

  it('changes the targets of a pre-factory Device Group and checks them', async () => {
    const { dir, dg, product } = await preFactory();
    const prodT2 = await env.api.createDg(product.id, 'pre_production_devicegroup', uniq('pp2'));
    const out = ok(await run(['project', 'update', '-t', prodT2.attributes.name], dir));
    expect(out).toContain(`Device Group "${dg.id}" is updated successfully.`);
    expect(out).toContain(`    Production Target: \n      id:   ${prodT2.id}\n`);
    expect((await env.api.get(`/devicegroups/${dg.id}`)).body.data.relationships.production_target.id).toBe(prodT2.id);
    const dbg = await run(['project', 'update', '-t', prodT2.id, '-z', 'debug'], dir);
    expect(dbg.stdout.replace(/\s+/g, '')).toContain(`"relationships":{"production_target":{"id":"${prodT2.id}","type":"pre_production_devicegroup"}}`);

    const dev = await env.api.createDg(product.id, 'development_devicegroup', uniq('dv'));
    const other = await env.api.createProduct(uniq('Other'));
    const otherDut = await env.api.createDg(other.id, 'pre_dut_devicegroup', uniq('opd'));
    fails(await run(['project', 'update', '-t', dev.id], dir),
      `Production Target Device Group "${dev.id}" is of the type "development" but must be of the type "pre-production".`);
    fails(await run(['project', 'update', '-u', otherDut.id], dir), 'DUT Target Device Group must be from the same Product.');
    fails(await run(['project', 'update', '-u', 'missing-dut'], dir), 'DUT Target Device Group "missing-dut" is not found.');

    const devProject = await project();
    fails(await run(['project', 'update', '-t', prodT2.id], devProject.dir),
      'Invalid option "--target" for Device Group of the type "development". It may be specified for "pre-factory" or "factory" Device Groups only.');
    fails(await run(['project', 'update', '-u', otherDut.id, '-n', 'x'], devProject.dir),
      'Invalid option "--dut" for Device Group of the type "development". It may be specified for "pre-factory" or "factory" Device Groups only.');
    const untouched = projectFile(devProject.dir);
    expect((await env.api.get(`/devicegroups/${devProject.dg.id}`)).body.data.attributes.name).toBe(devProject.dg.attributes.name);
    expect(projectFile(devProject.dir)).toBe(untouched);
  });

  it('fails without a valid Project file or with a deleted Device Group, and on bad options', async () => {
    await PROJECT_ERRORS(['project', 'update', '-n', 'x']);
    const dir = tempDir();
    const r = await run(['project', 'update', '-x', ''], dir);
    expect(r.stdout).toMatch(/^\nUsage: impt project update /);
    expect(r.stdout).toContain('Error: Option "--device-file" must not be empty.\n');
    fails(await run(['project', 'update', '-g', 'x'], dir), 'Unknown argument: g');
  });
});

describe('project delete', () => {
  it('succeeds without a Project file', async () => {
    const dir = tempDir();
    expect(ok(await run(['project', 'delete'], dir))).toBe('There is no Project File in the current directory.\nIMPT COMMAND SUCCEEDS\n');
    expect(ok(await run(['project', 'delete', '-a', '-z', 'minimal'], dir))).toBe('');
    expect(JSON.parse(ok(await run(['project', 'delete', '-z', 'json'], dir)))).toEqual({});
  });

  it('deletes only the Project file by default, source files with --files', async () => {
    const { dir, dg } = await project();
    fails(await run(['project', 'delete'], dir), CONFIRM);
    expect(has(dir, '.impt.project')).toBe(true);
    expect(ok(await run(['project', 'delete', '-q'], dir))).toBe('Project is deleted successfully.\nIMPT COMMAND SUCCEEDS\n');
    expect(fs.readdirSync(dir).sort()).toEqual(['agent.nut', 'device.nut']);
    expect((await env.api.get(`/devicegroups/${dg.id}`)).status).toBe(200);

    writeProject(dir, { deviceGroupId: dg.id, deviceFile: 'device.nut', agentFile: 'missing.nut' });
    expect(ok(await run(['project', 'delete', '--files', '--confirmed'], dir))).toBe(
      'Device/agent source files "device.nut" are deleted successfully.\nProject is deleted successfully.\nIMPT COMMAND SUCCEEDS\n',
    );
    expect(fs.readdirSync(dir)).toEqual(['agent.nut']);
    // a corrupted file is deleted as well
    writeProject(dir, '{corrupted');
    expect(JSON.parse(ok(await run(['project', 'delete', '-a', '-q', '-z', 'json'], dir)))).toEqual({});
    expect(has(dir, '.impt.project')).toBe(false);
  });

  it('never deletes a directory named as a source file or as the Project file: nothing is deleted', async () => {
    const { dir, dg } = await project();
    writeIn(dir, 'src/keep.nut', 'x');
    writeProject(dir, { deviceGroupId: dg.id, deviceFile: 'src', agentFile: 'agent.nut' });
    fails(await run(['project', 'delete', '--all', '-q'], dir), 'File error: src: not a regular file, nothing is deleted.');
    expect(fs.readdirSync(dir).sort()).toEqual(['.impt.project', 'agent.nut', 'device.nut', 'src']);
    expect((await env.api.get(`/devicegroups/${dg.id}`)).status).toBe(200);
    fs.rmSync(path.join(dir, '.impt.project'));
    writeIn(dir, '.impt.project/inner.txt', 'x');
    fails(await run(['project', 'delete', '-q'], dir), 'File error: .impt.project: not a regular file, nothing is deleted.');
    expect(readIn(dir, '.impt.project/inner.txt')).toBe('x');
    fs.rmSync(dir, { recursive: true });
  });

  it('--all deletes devices assignments, flagged and other builds, the group, the product and the files', async () => {
    const { dir, dg, product } = await project();
    await env.assign(dg.id, dev(7), dev(8));
    const b1 = await env.api.deploy(dg, { flagged: true });
    const b2 = await env.api.deploy(dg);
    const out = ok(await run(['project', 'delete', '--all', '-q'], dir));
    const lines = out.split('\n');
    expect(lines.slice(0, 2).sort()).toEqual([`Device "${dev(7)}" is unassigned successfully.`, `Device "${dev(8)}" is unassigned successfully.`]);
    expect(lines.slice(2, 5)).toEqual([
      `Deployment "${b1.id}" is updated successfully.`,
      `Device Group "${dg.id}" is deleted successfully.`,
      `Product "${product.id}" is deleted successfully.`,
    ]);
    // builds in API order
    expect(lines.slice(5, 7).sort()).toEqual([b1.id, b2.id].sort().map((id) => `Deployment "${id}" is deleted successfully.`));
    expect(lines.slice(7)).toEqual([
      'Device/agent source files "device.nut", "agent.nut" are deleted successfully.',
      'Project is deleted successfully.',
      'IMPT COMMAND SUCCEEDS',
      '',
    ]);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect((await env.api.get(`/devicegroups/${dg.id}`)).status).toBe(404);
    expect((await env.api.get(`/products/${product.id}`)).status).toBe(404);
    expect((await env.api.get(`/deployments/${b1.id}`)).status).toBe(404);
    expect((await env.api.get(`/devices/${dev(7)}`)).body.data.relationships.devicegroup ?? null).toBeNull();
  });

  it('keeps a Product with other groups and a target used by another pre-factory group', async () => {
    const pf = await preFactory();
    const other = await env.api.createDg(pf.product.id, 'pre_factoryfixture_devicegroup', uniq('pf2'), {
      production_target: { type: pf.prodT.type, id: pf.prodT.id },
      dut_target: { type: pf.dutT.type, id: pf.dutT.id },
    });
    const dutOnly = await env.api.createDg(pf.product.id, 'pre_dut_devicegroup', uniq('pd2'));
    await env.api.patch(`/devicegroups/${other.id}`, { data: { type: other.type, id: other.id, attributes: {}, relationships: { dut_target: { type: dutOnly.type, id: dutOnly.id } } } });
    const out = ok(await run(['project', 'delete', '-e', '-q'], pf.dir));
    // the production target is shared, the DUT target is not
    expect(out).toContain(`Device Group "${pf.dg.id}" is deleted successfully.\nDevice Group "${pf.dutT.id}" is deleted successfully.\n`);
    expect(out).not.toContain(`Device Group "${pf.prodT.id}" is deleted`);
    expect(out).not.toContain('Product "');
    expect((await env.api.get(`/devicegroups/${pf.prodT.id}`)).status).toBe(200);
    expect((await env.api.get(`/products/${pf.product.id}`)).status).toBe(200);
    expect(fs.readdirSync(pf.dir).sort()).toEqual(['agent.nut', 'device.nut']);
  });

  it('deletes a pre-factory project with both targets and the Product (3 groups)', async () => {
    const pf = await preFactory();
    const out = ok(await run(['project', 'delete', '-e', '-q'], pf.dir));
    expect(out).toBe(
      [
        `Device Group "${pf.dg.id}" is deleted successfully.`,
        `Device Group "${pf.prodT.id}" is deleted successfully.`,
        `Device Group "${pf.dutT.id}" is deleted successfully.`,
        `Product "${pf.product.id}" is deleted successfully.`,
        'Project is deleted successfully.',
        'IMPT COMMAND SUCCEEDS',
        '',
      ].join('\n'),
    );
    // a Project whose group is gone: only the file is deleted
    const gone = await project();
    await env.api.del(`/devicegroups/${gone.dg.id}`);
    expect(ok(await run(['project', 'delete', '-e', '-q'], gone.dir))).toBe('Project is deleted successfully.\nIMPT COMMAND SUCCEEDS\n');
    expect((await env.api.get(`/products/${gone.product.id}`)).status).toBe(200);
  });

  it('prints the deletion plan and asks; "n" cancels, "y" deletes', async () => {
    const { dir, dg, product } = await project();
    await env.assign(dg.id, dev(9));
    const b = await env.api.deploy(dg, { flagged: true });
    const no = await imptTty(['project', 'delete', '--all'], { cwd: dir, home: env.home, answers: ['n'] });
    expect(no.code).toBe(1);
    expect(no.text).toContain(
      [
        ...plannedProductAndGroup(product, dg),
        'Deployment: ',
        `  id:      ${b.id}`,
        `  sha:     ${b.attributes.sha}`,
        '  flagged: true',
        '',
        'The following Devices will be unassigned from Device Groups:',
        'Device: ',
        `  id:            ${dev(9)}`,
        '  name:          pm9',
      ].join('\n'),
    );
    expect(no.text).toContain(
      [
        'The following Deployments are marked "flagged" to prevent deleting. They will be modified by setting "flagged" attribute to false:',
        'Deployment: ',
        `  id:      ${b.id}`,
        `  sha:     ${b.attributes.sha}`,
        '  flagged: true',
        '',
        'The following files will be deleted:',
        'Device/agent source files: device.nut, agent.nut',
        '',
        'Project File in the current directory will be deleted.',
        'Are you sure you want to continue?',
      ].join('\n'),
    );
    expect(no.text).toMatch(/Operation is canceled\.\nIMPT COMMAND FAILS\n$/);
    expect(has(dir, '.impt.project')).toBe(true);
    expect((await env.api.get(`/devicegroups/${dg.id}`)).status).toBe(200);

    const yes = await imptTty(['project', 'delete'], { cwd: dir, home: env.home, answers: ['y'] });
    expect(yes.code, yes.text).toBe(0);
    expect(yes.text).toContain('Project File in the current directory will be deleted.\nAre you sure you want to continue?\n');
    expect(yes.text).not.toContain('The following');
    expect(yes.text).toContain('Project is deleted successfully.\nIMPT COMMAND SUCCEEDS');
    expect(has(dir, '.impt.project')).toBe(false);
  });
});
