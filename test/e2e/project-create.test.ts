// impt project create / link against the emulator (interface/project.md):
// the Project file format, source files, product and target creation, every
// failure case, in default, minimal and json modes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { CONFIRM, fails, has, imptTty, ok, readIn, seed, uniq, usageFails, useEmulator } from './project-support.js';

const env = useEmulator(seed('30000c2a6903', 0, 'pc'));
const run = (args: string[], cwd: string) => env.run(args, cwd);
const projectFile = (dir: string) => readIn(dir, '.impt.project');

describe('project create', () => {
  it('creates the Product, the Device Group, empty source files and the Project file (default mode)', async () => {
    const dir = tempDir();
    const prod = uniq('NewProd');
    const out = ok(await run(['project', 'create', '-p', prod, '-c', '-n', 'NewDG', '-s', 'dev group'], dir));
    const dgs = (await env.api.get('/devicegroups')).body.data.filter((g: any) => g.attributes.name === 'NewDG');
    expect(dgs).toHaveLength(1);
    const dg = dgs[0];
    const product = (await env.api.get(`/products/${dg.relationships.product.id}`)).body.data;
    expect(product.attributes.name).toBe(prod);
    expect(out).toBe(
      [
        `Product "${prod}" is created successfully.`,
        'Device Group "NewDG" is created successfully.',
        'Device source file "device.nut" is created successfully.',
        'Agent source file "agent.nut" is created successfully.',
        'Project is created successfully.',
        'Project: ',
        '  Device file:  device.nut',
        '  Agent file:   agent.nut',
        '  Device Group: ',
        `    id:          ${dg.id}`,
        '    type:        development',
        '    name:        NewDG',
        '    description: dev group',
        '    region:      ',
        `    created_at:  ${dg.attributes.created_at}`,
        `    updated_at:  ${dg.attributes.updated_at}`,
        '    Product: ',
        `      id:   ${product.id}`,
        `      name: ${prod}`,
        'IMPT COMMAND SUCCEEDS',
        '',
      ].join('\n'),
    );
    // exact format: 2-space JSON, fixed key order, no trailing newline
    expect(projectFile(dir)).toBe(`{\n  "deviceGroupId": "${dg.id}",\n  "deviceFile": "device.nut",\n  "agentFile": "agent.nut"\n}`);
    expect(fs.readFileSync(path.join(dir, 'device.nut'), 'utf8')).toBe('');
    expect(fs.readFileSync(path.join(dir, 'agent.nut'), 'utf8')).toBe('');
    const sent = dg.attributes;
    expect(sent.description).toBe('dev group');
    expect(dg.type).toBe('development_devicegroup');
  });

  it('uses an existing Product, keeps existing source files, honours -x/-y (minimal and json modes)', async () => {
    const product = await env.api.createProduct(uniq('Existing'));
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'my.device.nut'), 'server.log(1);');
    const min = ok(await run(['project', 'create', '-p', product.attributes.name, '-n', uniq('MinDG'), '-x', 'my.device.nut', '-y', 'my.agent.nut', '-z', 'minimal'], dir));
    expect(min.startsWith('Project: \n  Device file:  my.device.nut\n  Agent file:   my.agent.nut\n  Device Group: \n')).toBe(true);
    expect(min).not.toMatch(/successfully|IMPT COMMAND/);
    expect(fs.readFileSync(path.join(dir, 'my.device.nut'), 'utf8')).toBe('server.log(1);');
    expect(has(dir, 'my.agent.nut')).toBe(true);
    expect(JSON.parse(projectFile(dir))).toMatchObject({ deviceFile: 'my.device.nut', agentFile: 'my.agent.nut' });

    const dir2 = tempDir();
    const name = uniq('JsonDG');
    const json = JSON.parse(ok(await run(['project', 'create', '--product', product.id, '--name', name, '--confirmed', '-z', 'json'], dir2)));
    expect(Object.keys(json)).toEqual(['Project']);
    expect(json.Project['Device file']).toBe('device.nut');
    expect(json.Project['Agent file']).toBe('agent.nut');
    expect(json.Project['Device Group']).toMatchObject({ type: 'development', name, description: '', Product: { id: product.id, name: product.attributes.name } });
    expect(JSON.parse(projectFile(dir2)).deviceGroupId).toBe(json.Project['Device Group'].id);
  });

  it('creates a pre-factory Device Group with created production and DUT targets', async () => {
    const dir = tempDir();
    const prod = uniq('PF');
    const [t, u, n] = [uniq('PP'), uniq('PD'), uniq('PFDG')];
    const out = ok(await run(['project', 'create', '-p', prod, '-c', '-n', n, '-f', '-t', t, '-r', '-u', u, '-w'], dir));
    expect(out.split('\n').slice(0, 5)).toEqual([
      `Product "${prod}" is created successfully.`,
      `Device Group "${t}" is created successfully.`,
      `Device Group "${u}" is created successfully.`,
      `Device Group "${n}" is created successfully.`,
      'Device source file "device.nut" is created successfully.',
    ]);
    expect(out).toMatch(new RegExp(`type:\\s+pre-factory\\n\\s+name:\\s+${n}\\n`));
    expect(out).toMatch(new RegExp(`Production Target: \\n\\s+id:\\s+\\S+\\n\\s+type: pre-production\\n\\s+name: ${t}\\n`));
    expect(out).toMatch(new RegExp(`DUT Target: \\n\\s+id:\\s+\\S+\\n\\s+type: pre-dut\\n\\s+name: ${u}\\n`));
    const dg = (await env.api.get(`/devicegroups/${JSON.parse(projectFile(dir)).deviceGroupId}`)).body.data;
    expect(dg.type).toBe('pre_factoryfixture_devicegroup');
    const target = (await env.api.get(`/devicegroups/${dg.relationships.production_target.id}`)).body.data;
    expect([target.type, target.attributes.name]).toEqual(['pre_production_devicegroup', t]);
    expect((await env.api.get(`/devicegroups/${dg.relationships.dut_target.id}`)).body.data.type).toBe('pre_dut_devicegroup');

    // existing targets are found (no creation), by name
    const dir2 = tempDir();
    const json = JSON.parse(ok(await run(['project', 'create', '-p', prod, '-n', uniq('PFDG'), '-f', '-t', t, '-u', u, '-z', 'json'], dir2)));
    expect(json.Project['Device Group']['Production Target']).toEqual({ id: target.id, type: 'pre-production', name: t });

    // request body: product linkage type first, target linkages id first (debug dump)
    const dbg = await run(['project', 'create', '-p', prod, '-n', uniq('PFDG'), '-f', '-t', t, '-u', u, '-z', 'debug'], tempDir());
    expect(dbg.code, dbg.stdout).toBe(0);
    const flat = dbg.stdout.replace(/\s+/g, '');
    expect(flat).toContain(`"product":{"type":"product","id":"${dg.relationships.product.id}"}`);
    expect(flat).toContain(`"production_target":{"id":"${target.id}","type":"pre_production_devicegroup"}`);
    expect(flat).toContain(`"dut_target":{"id":"${dg.relationships.dut_target.id}","type":"pre_dut_devicegroup"}`);
  });

  it('checks the targets: type, product, existence', async () => {
    const p1 = await env.api.createProduct(uniq('TP1'));
    const p2 = await env.api.createProduct(uniq('TP2'));
    const prodT = await env.api.createDg(p1.id, 'pre_production_devicegroup', uniq('pp'));
    const dutT = await env.api.createDg(p1.id, 'pre_dut_devicegroup', uniq('pd'));
    const dev = await env.api.createDg(p1.id, 'development_devicegroup', uniq('dv'));
    const otherProd = await env.api.createDg(p2.id, 'pre_production_devicegroup', uniq('opp'));
    const otherDut = await env.api.createDg(p2.id, 'pre_dut_devicegroup', uniq('opd'));
    const dir = tempDir();
    const base = ['project', 'create', '-p', p1.id, '-n', uniq('x'), '-f'];
    const name = (g: any) => g.attributes.name as string;
    fails(await run([...base, '-t', name(dev), '-u', name(dutT)], dir),
      `Production Target Device Group "${name(dev)}" is of the type "development" but must be of the type "pre-production".`);
    fails(await run([...base, '-t', name(prodT), '-u', name(prodT)], dir),
      `DUT Target Device Group "${name(prodT)}" is of the type "pre-production" but must be of the type "pre-dut".`);
    fails(await run([...base, '-t', name(otherProd), '-u', name(dutT)], dir), 'Production Target Device Group must be from the same Product.');
    fails(await run([...base, '-t', name(prodT), '-u', name(otherDut)], dir), 'DUT Target Device Group must be from the same Product.');
    fails(await run([...base, '-t', 'no-such-target', '-u', name(dutT)], dir), 'Production Target Device Group "no-such-target" is not found.');
    const json = await run([...base, '-t', name(prodT), '-u', 'no-such-dut', '-z', 'json'], dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ Error: 'DUT Target Device Group "no-such-dut" is not found.' });
    // nothing was created or written
    expect(has(dir, '.impt.project') || has(dir, 'device.nut')).toBe(false);
    expect((await env.api.get(`/devicegroups?filter[product.id]=${p1.id}`)).body.data).toHaveLength(3);
  });

  it('fails for a missing Product, passes API errors through, and keeps a created Product', async () => {
    const dir = tempDir();
    const missing = uniq('Nope');
    fails(await run(['project', 'create', '-p', missing, '-n', 'x'], dir), `Product "${missing}" is not found.`);
    expect(has(dir, '.impt.project')).toBe(false);

    const product = await env.api.createProduct(uniq('Dup'));
    const dg = await env.api.createDg(product.id, 'development_devicegroup', uniq('taken'));
    const out = fails(await run(['project', 'create', '-p', product.id, '-n', dg.attributes.name], dir), 'Duplicate Resource: Devicegroups must have unique names.');
    expect(out.endsWith('IMPT COMMAND FAILS\n')).toBe(true);
    const json = await run(['project', 'create', '-p', product.id, '-n', dg.attributes.name, '-z', 'json'], dir);
    expect(JSON.parse(json.stdout)).toEqual({ Error: 'Duplicate Resource: Devicegroups must have unique names.' });
    expect(has(dir, '.impt.project') || has(dir, 'device.nut')).toBe(false);

    // -c: the Product is created, then the Device Group fails; no rollback
    const fresh = uniq('Fresh');
    const res = await run(['project', 'create', '-p', fresh, '-c', '-n', 'a'.repeat(81)], dir);
    expect(res.code).toBe(1);
    expect(res.stdout.startsWith(`Product "${fresh}" is created successfully.\nError: `)).toBe(true);
    expect((await env.api.get('/products')).body.data.some((p: any) => p.attributes.name === fresh)).toBe(true);
  });

  it('validates option combinations before anything else', async () => {
    const dir = tempDir();
    usageFails(await run(['project', 'create'], dir), 'Missing required arguments: product, name');
    usageFails(await run(['project', 'create', '-p', 'P', '-n', 'N', '-f'], dir), 'Options "--pre-factory" and "--target" must be specified together.');
    usageFails(await run(['project', 'create', '-p', 'P', '-n', 'N', '-t', 'T'], dir), 'Options "--pre-factory" and "--target" must be specified together.');
    usageFails(await run(['project', 'create', '-p', 'P', '-n', 'N', '-f', '-t', 'T'], dir), 'Options "--pre-factory" and "--dut" must be specified together.');
    usageFails(await run(['project', 'create', '-p', 'P', '-n', 'N', '-u', 'D', '-t', 'T'], dir), 'Options "--pre-factory" and "--target" must be specified together.');
    // an empty --target/--dut is no target: missing with --pre-factory, merely empty without it
    usageFails(await run(['project', 'create', '-p', 'P', '-n', 'N', '-f', '-t', '', '-u', 'D'], dir), 'Options "--pre-factory" and "--target" must be specified together.');
    usageFails(await run(['project', 'create', '-p', 'P', '-n', 'N', '-f', '-t', 'T', '-u', ''], dir), 'Options "--pre-factory" and "--dut" must be specified together.');
    usageFails(await run(['project', 'create', '-p', 'P', '-n', 'N', '-t', ''], dir), 'Option "--target" must not be empty.');
    usageFails(await run(['project', 'create', '-p', 'P', '-n', ''], dir), 'Option "--name" must not be empty.');
    usageFails(await run(['project', 'create', '-p', 'P', '-n', 'N', '-x', ''], dir), 'Option "--device-file" must not be empty.');
    usageFails(await run(['project', 'create', '-p', 'P', '-n', 'N', '-c', 'false'], dir), 'Option "--create-product" has incorrect value "false".');
    usageFails(await run(['project', 'create', '-p', 'P', '-n', 'N', '-z', 'minimal', '-p', 'Q'], dir), 'Option "--product" must not be specified multiple times.');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('asks before overwriting a Project file; --confirmed overwrites, dropping unknown keys', async () => {
    const product = await env.api.createProduct(uniq('Over'));
    const dir = tempDir();
    const old = '{\n  "deviceGroupId": "old",\n  "extra": 1\n}';
    fs.writeFileSync(path.join(dir, '.impt.project'), old);
    const name = uniq('OverDG');
    // no terminal: refused before any change
    fails(await run(['project', 'create', '-p', product.id, '-n', name], dir),
      CONFIRM);
    expect(projectFile(dir)).toBe(old);
    expect((await env.api.get(`/devicegroups?filter[product.id]=${product.id}`)).body.data).toHaveLength(0);

    const no = await imptTty(['project', 'create', '-p', product.id, '-n', name], { cwd: dir, home: env.home, answers: ['n'] });
    expect(no.code).toBe(1);
    expect(no.text).toContain('The current directory already contains Project File. It will be overwritten.\nAre you sure you want to continue?\n');
    expect(no.text).toMatch(/Operation is canceled\.\nIMPT COMMAND FAILS/);
    expect(projectFile(dir)).toBe(old);

    const yes = await imptTty(['project', 'create', '-p', product.id, '-n', name], { cwd: dir, home: env.home, answers: ['y'] });
    expect(yes.code, yes.text).toBe(0);
    expect(yes.text).toContain(`Device Group "${name}" is created successfully.`);
    expect(Object.keys(JSON.parse(projectFile(dir)))).toEqual(['deviceGroupId', 'deviceFile', 'agentFile']);

    const again = ok(await run(['project', 'create', '-p', product.id, '-n', uniq('OverDG'), '-q'], dir));
    expect(again).toContain('Project is created successfully.');

    // the question comes before the login is looked at
    const noLogin = tempDir();
    for (const args of [['project', 'create', '-p', product.id, '-n', uniq('OverDG')], ['project', 'link', '-g', 'any']]) {
      const asked = await imptTty(args, { cwd: dir, home: noLogin, answers: ['n'] });
      expect(asked.code).toBe(1);
      expect(asked.text).toContain('The current directory already contains Project File. It will be overwritten.\nAre you sure you want to continue?\n');
      expect(asked.text).toMatch(/Operation is canceled\.\nIMPT COMMAND FAILS\n$/);
      expect(asked.text).not.toContain('You are not logged in.');
      fails(await runImpt([...args, '-q'], { cwd: dir, home: noLogin }), 'You are not logged in.');
    }
  });
});

describe('project link', () => {
  it('links a Device Group with a current deployment; files kept, previous content discarded', async () => {
    const product = await env.api.createProduct(uniq('LinkP'));
    const dg = await env.api.createDg(product.id, 'development_devicegroup', uniq('LinkDG'), {}, { description: 'dev dg' });
    const build = await env.api.deploy(dg, { tags: ['v1', 'stable'], origin: 'github.com/acme/app' });
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'device.nut'), 'd');
    fs.writeFileSync(path.join(dir, 'agent.nut'), 'a');
    fs.writeFileSync(path.join(dir, '.impt.project'), '{"deviceGroupId":"x","deviceFile":"zz.nut","other":true}');
    const out = ok(await run(['project', 'link', '-g', dg.attributes.name, '-q'], dir));
    expect(out.startsWith(`Project is linked successfully.\nProject: \n  Device file:  device.nut\n  Agent file:   agent.nut\n  Device Group: \n    id:                 ${dg.id}\n    type:               development\n`)).toBe(true);
    expect(out).toContain('    description:        dev dg\n    region:             \n');
    expect(out).toContain(`    Current Deployment: \n      id:     ${build.id}\n      sha:    ${build.attributes.sha}\n      tags:   v1, stable\n      origin: github.com/acme/app\n`);
    expect(out.endsWith('IMPT COMMAND SUCCEEDS\n')).toBe(true);
    expect(out).not.toContain('source file');
    expect(projectFile(dir)).toBe(`{\n  "deviceGroupId": "${dg.id}",\n  "deviceFile": "device.nut",\n  "agentFile": "agent.nut"\n}`);
    expect(fs.readFileSync(path.join(dir, 'device.nut'), 'utf8')).toBe('d');

    const dir2 = tempDir();
    const min = ok(await run(['project', 'link', '--dg', dg.id, '-x', 'a/../dev.nut', '-y', 'ag.nut', '-z', 'minimal'], dir2));
    expect(min.startsWith('Project: \n  Device file:  a/../dev.nut\n  Agent file:   ag.nut\n')).toBe(true);
    expect(min).toContain('      tags:   v1,stable\n');
    expect(has(dir2, 'dev.nut') && has(dir2, 'ag.nut')).toBe(true);

    const dir3 = tempDir();
    const json = JSON.parse(ok(await run(['project', 'link', '-g', dg.id, '-z', 'json'], dir3)));
    expect(json.Project['Device Group']['Current Deployment']).toEqual({ id: build.id, sha: build.attributes.sha, tags: ['v1', 'stable'], origin: 'github.com/acme/app' });
    const text = await run(['project', 'link', '-g', dg.id, '-q'], tempDir());
    expect(text.stdout.split('\n').slice(0, 3)).toEqual([
      'Device source file "device.nut" is created successfully.',
      'Agent source file "agent.nut" is created successfully.',
      'Project is linked successfully.',
    ]);
  });

  it('refuses other Device Group types, unknown and ambiguous identifiers', async () => {
    const product = await env.api.createProduct(uniq('LinkBad'));
    const prodT = await env.api.createDg(product.id, 'pre_production_devicegroup', uniq('pp'));
    const dutT = await env.api.createDg(product.id, 'pre_dut_devicegroup', uniq('pd'));
    const pf = await env.api.createDg(product.id, 'pre_factoryfixture_devicegroup', uniq('pf'), {
      production_target: { type: prodT.type, id: prodT.id },
      dut_target: { type: dutT.type, id: dutT.id },
    });
    const dir = tempDir();
    fails(await run(['project', 'link', '-g', prodT.id], dir),
      'Project can not be linked to Device Group of the type "pre-production". Only "development" or "pre-factory" Device Groups are allowed.');
    fails(await run(['project', 'link', '-g', dutT.id], dir), 'Project can not be linked to Device Group of the type "pre-dut". Only "development" or "pre-factory" Device Groups are allowed.');
    fails(await run(['project', 'link', '-g', 'no-such-dg'], dir), 'Device Group "no-such-dg" is not found.');
    expect(fs.readdirSync(dir)).toEqual([]);
    // a pre-factory group can be linked
    const linked = ok(await run(['project', 'link', '-g', pf.id], dir));
    expect(linked).toMatch(/\n    type: +pre-factory\n[\s\S]*Production Target: \n/);

    const twin = uniq('twin');
    const other = await env.api.createProduct(uniq('LinkOther'));
    await env.api.createDg(product.id, 'development_devicegroup', twin);
    await env.api.createDg(other.id, 'development_devicegroup', twin);
    const amb = fails(await run(['project', 'link', '-g', twin], tempDir()), `Multiple Device Groups "${twin}" are found:`);
    expect(amb.match(/Device Group: \n/g)).toHaveLength(2);
    expect(amb).toContain('Impossible to execute the command.\nIMPT COMMAND FAILS\n');
    const ambMin = await run(['project', 'link', '-g', twin, '-z', 'minimal'], tempDir());
    expect(ambMin.stdout).not.toContain('Impossible');
    fails(await run(['project', 'link', '-g', pf.id, '-q', 'extra'], dir), 'Unknown arguments: extra.');
    const missing = await run(['project', 'link'], dir);
    expect(missing.stdout).toContain('Error: Missing required argument: dg\n');
  });
});
