// impt dg create: every type, targets, region, env variables, parse-time
// and runtime failures, Project file fallback (interface/dg.md).
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { expectFailure, json, SUCCEEDS, useWorld } from './dg-world.js';

let product: any;
let other: any;
const groups: Record<string, any> = {};

const w = useWorld(async () => {
  product = await w.demo.createProduct(w.name('CreateLamp'));
  other = await w.demo.createProduct(w.name('OtherLamp'));
  for (const [name, type] of [
    ['Prod', 'production_devicegroup'],
    ['PreProd', 'pre_production_devicegroup'],
    ['Dut', 'dut_devicegroup'],
    ['PreDut', 'pre_dut_devicegroup'],
    ['Twin', 'pre_production_devicegroup'],
  ] as const) {
    groups[name] = await w.demo.createDg(product.id, type, name);
  }
  groups.OtherPreProd = await w.demo.createDg(other.id, 'pre_production_devicegroup', 'OtherPreProd');
  groups.OtherPreDut = await w.demo.createDg(other.id, 'pre_dut_devicegroup', 'OtherPreDut');
  groups.Twin2 = await w.demo.createDg(other.id, 'pre_production_devicegroup', 'Twin');
});

async function dgNamed(name: string, productId = product.id): Promise<any> {
  const list = (await w.demo.get(`/devicegroups?filter[product.id]=${productId}`)).body.data as any[];
  return list.find((g) => g.attributes.name === name);
}

describe.concurrent('dg create', () => {
  it('creates a development group by default and prints the short view', async () => {
    const r = await w.run(['dg', 'create', '--name', 'LampQA', '--product', product.attributes.name, '--descr', 'QA group']);
    const g = await dgNamed('LampQA');
    expect(r.stdout).toBe(
      `Device Group "LampQA" is created successfully.\nDevice Group: \n  id:   ${g.id}\n  type: development\n  name: LampQA\n${SUCCEEDS}\n`,
    );
    expect(r.code).toBe(0);
    expect(g.type).toBe('development_devicegroup');
    expect(g.attributes.description).toBe('QA group');
  });

  it('prints only the entity in minimal mode and accepts a hierarchical product', async () => {
    const r = await w.run(['dg', 'create', '-n', 'LampQA2', '-p', `{me}{${product.attributes.name}}`, '-z', 'minimal']);
    const g = await dgNamed('LampQA2');
    expect(r.stdout).toBe(`Device Group: \n  id:   ${g.id}\n  type: development\n  name: LampQA2\n`);
    expect(g.attributes.description).toBe('');
  });

  it('creates a production group with a region in json mode', async () => {
    const r = await w.run(['dg', 'create', '-n', 'LampProd', '-y', 'production', '-r', 'eu', '-p', product.id, '-z', 'json']);
    const g = await dgNamed('LampProd');
    expect(json(r)).toEqual({ 'Device Group': { id: g.id, type: 'production', name: 'LampProd' } });
    expect(g.attributes.region).toBe('eu');
    expect(g.attributes.load_code_after_blessing).toBe(true);
  });

  it('creates every type, factory types with their targets', async () => {
    const cases: Array<[string, string, string[]]> = [
      ['development', 'development_devicegroup', []],
      ['pre-dut', 'pre_dut_devicegroup', []],
      ['pre-production', 'pre_production_devicegroup', ['-r', '']],
      ['dut', 'dut_devicegroup', []],
      ['production', 'production_devicegroup', []],
      ['pre-factory', 'pre_factoryfixture_devicegroup', ['-t', 'PreProd', '-u', 'PreDut']],
      ['factory', 'factoryfixture_devicegroup', ['--target', groups.Prod.id, '--dut', `{me}{${product.attributes.name}}{Dut}`]],
    ];
    const results = await Promise.all(
      cases.map(([type, , extra]) => w.run(['dg', 'create', '-n', `All-${type}`, '-y', type, '-p', product.id, ...extra, '-z', 'json'])),
    );
    for (const [i, [type, wire, extra]] of cases.entries()) {
      expect(results[i]!.code, results[i]!.stdout).toBe(0);
      const g = await dgNamed(`All-${type}`);
      expect(json(results[i]!)['Device Group']).toEqual({ id: g.id, type, name: `All-${type}` });
      expect(g.type).toBe(wire);
      if (extra.length > 2) {
        const targets = type === 'factory' ? [groups.Prod, groups.Dut] : [groups.PreProd, groups.PreDut];
        expect(g.relationships.production_target).toEqual({ type: targets[0].type, id: targets[0].id });
        expect(g.relationships.dut_target).toEqual({ type: targets[1].type, id: targets[1].id });
      }
      // an empty region is not sent
      if (type === 'pre-production') expect(g.attributes.region).toBe('');
    }
  });

  it('sends the target linkages id first (debug dump of the request body)', async () => {
    const r = await w.run(['dg', 'create', '-n', 'DbgFactory', '-y', 'factory', '-p', product.id, '-t', 'Prod', '-u', 'Dut', '-z', 'debug']);
    expect(r.code, r.stdout).toBe(0);
    const flat = r.stdout.replace(/\s+/g, '');
    expect(flat).toContain(`"product":{"type":"product","id":"${product.id}"}`);
    expect(flat).toContain(`"production_target":{"id":"${groups.Prod.id}","type":"production_devicegroup"}`);
    expect(flat).toContain(`"dut_target":{"id":"${groups.Dut.id}","type":"dut_devicegroup"}`);
  });

  it('sends --env-variable as env_vars', async () => {
    const r = await w.run(['dg', 'create', '-n', 'EnvDg', '-p', product.id, '-e', '{"MODE":"qa","LEVEL":3}']);
    expect(r.code).toBe(0);
    expect((await dgNamed('EnvDg')).attributes.env_vars).toEqual({ MODE: 'qa', LEVEL: 3 });
  });

  it('reports invalid JSON on stderr and the parser message as the error', async () => {
    const r = await w.run(['dg', 'create', '-n', 'BadEnv', '-p', product.id, '--env-variable', '{a:1}']);
    expect(r.stderr).toBe('Invalid JSON string: {a:1}\n');
    expect(r.stdout).toMatch(/^Error: .*JSON.*\nIMPT COMMAND FAILS\n$/);
    expect(r.code).toBe(1);
    const j = await w.run(['dg', 'create', '-n', 'BadEnv', '-p', product.id, '-e', 'nope', '-z', 'json']);
    expect(j.stderr).toBe('Invalid JSON string: nope\n');
    expect(json(j).Error).toMatch(/JSON/);
    expect(await dgNamed('BadEnv')).toBeUndefined();
  });

  it('passes the server refusal of bad env_vars keys through', async () => {
    const r = await w.run(['dg', 'create', '-n', 'BadKeys', '-p', product.id, '-e', '{"1abc":"x"}']);
    expectFailure(r, 'Validation Error: Environment variable name "1abc" must be alphanumeric and start with a letter.');
  });
});

describe.concurrent('dg create parse-time checks (printed after the help)', () => {
  const cases: Array<[string[], string]> = [
    [['-y', 'factory', '-t', 'Prod'], 'Option "--dut" must be specified for Device Group of type "factory".'],
    [['-y', 'pre-factory', '-u', 'PreDut'], 'Option "--target" must be specified for Device Group of type "pre-factory".'],
    [['-y', 'pre-factory'], 'Option "--dut" must be specified for Device Group of type "pre-factory".'],
    [['-r', 'eu'], 'Invalid option "--region" for Device Group of the type "development". It may be specified for "pre-production" or "production" Device Groups only.'],
    [['-y', 'dut', '-r', 'eu'], 'Invalid option "--region" for Device Group of the type "dut". It may be specified for "pre-production" or "production" Device Groups only.'],
    // an invalid type counts as development for the checks, before the choices error
    [['-y', 'bogus', '-r', 'eu'], 'Invalid option "--region" for Device Group of the type "development". It may be specified for "pre-production" or "production" Device Groups only.'],
    [['-y', 'bogus'], 'Invalid values:\n  Argument: dg-type, Given: "bogus", Choices: "development", "pre-factory", "pre-dut", "pre-production", "factory", "dut", "production"'],
    [['-n', 'twice'], 'Option "--name" must not be specified multiple times.'],
    [['-p', ''], 'Option "--product" must not be empty.'],
    [['-e', ''], 'Option "--env-variable" must not be empty.'],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const r = await w.run(['dg', 'create', '-n', 'Never', ...args]);
      expect(r.stdout).toContain('Usage: impt dg create --name <device_group_name>');
      expect(r.stdout).toContain(`\nError: ${message}\nIMPT COMMAND FAILS\n`);
      expect(r.code).toBe(1);
    });
  }

  it('requires --name', async () => {
    const r = await w.run(['dg', 'create', '-p', 'x']);
    expect(r.stdout).toContain('Error: Missing required argument: name\n');
    expect(r.code).toBe(1);
  });
});

describe.concurrent('dg create runtime failures', () => {
  const cases: Array<[string, string[], string]> = [
    ['--target for a development group', ['-t', 'PreProd'], 'Invalid option "--target" for Device Group of the type "development". It may be specified for "pre-factory" or "factory" Device Groups only.'],
    ['--dut for a production group', ['-y', 'production', '-u', 'Dut'], 'Invalid option "--dut" for Device Group of the type "production". It may be specified for "pre-factory" or "factory" Device Groups only.'],
    ['target not found', ['-y', 'factory', '-t', 'NoSuchDg', '-u', 'Dut'], 'Production Target Device Group "NoSuchDg" is not found.'],
    ['dut not found', ['-y', 'factory', '-t', 'Prod', '-u', 'NoSuchDut'], 'DUT Target Device Group "NoSuchDut" is not found.'],
    ['target of the wrong type', ['-y', 'factory', '-t', 'PreProd', '-u', 'Dut'], 'Production Target Device Group "PreProd" is of the type "pre-production" but must be of the type "production".'],
    ['dut of the wrong type', ['-y', 'pre-factory', '-t', 'PreProd', '-u', 'Dut'], 'DUT Target Device Group "Dut" is of the type "dut" but must be of the type "pre-dut".'],
    ['target of another product', ['-y', 'pre-factory', '-t', 'OtherPreProd', '-u', 'PreDut'], 'Production Target Device Group must be from the same Product.'],
    ['dut of another product', ['-y', 'pre-factory', '-t', 'PreProd', '-u', 'OtherPreDut'], 'DUT Target Device Group must be from the same Product.'],
    ['product not found', ['-p', 'NoSuchProduct'], 'Product "NoSuchProduct" is not found.'],
  ];
  for (const [title, args, message] of cases) {
    it(title, async () => {
      const withProduct = args.includes('-p') ? args : ['-p', product.id, ...args];
      const r = await w.run(['dg', 'create', '-n', 'NeverCreated', ...withProduct]);
      expect(r.stdout).toBe(`Error: ${message}\nIMPT COMMAND FAILS\n`);
      expect(r.code).toBe(1);
    });
  }

  it('lists the matches of an ambiguous target', async () => {
    const r = await w.run(['dg', 'create', '-n', 'NeverCreated', '-p', product.id, '-y', 'pre-factory', '-t', 'Twin', '-u', 'PreDut']);
    expectFailure(r, 'Multiple Device Groups "Twin" are found:');
    expect(r.stdout).toContain(`  id:      ${groups.Twin.id}\n  type:    pre-production\n  name:    Twin\n  Product: \n`);
    expect(r.stdout).toContain(`  id:      ${groups.Twin2.id}\n`);
    expect(r.stdout).toContain('Impossible to execute the command.\nIMPT COMMAND FAILS\n');
    expect(await dgNamed('NeverCreated')).toBeUndefined();
  });

  it('reports a duplicate name with the server text, in json mode too', async () => {
    const r = await w.run(['dg', 'create', '-n', 'Prod', '-p', product.id]);
    expectFailure(r, 'Duplicate Resource: Devicegroups must have unique names.');
    const j = await w.run(['dg', 'create', '-n', 'Prod', '-p', product.id, '-z', 'json']);
    expect(json(j)).toEqual({ Error: 'Duplicate Resource: Devicegroups must have unique names.' });
    expect(j.code).toBe(1);
  });

  it('ignores the hyphenated --create-target of the Production Guide', async () => {
    const r = await w.run(['dg', 'create', '-n', 'IgnoredOpt', '-p', product.id, '--create-target', 'x', '-z', 'json']);
    expect(r.code).toBe(0);
    expect(json(r)['Device Group'].name).toBe('IgnoredOpt');
  });
});

describe.concurrent('dg create and the Project file', () => {
  it('uses the Product of the Project Device Group when --product is omitted', async () => {
    const r = await w.run(['dg', 'create', '-n', 'FromProject', '-z', 'json'], w.projectDir(groups.PreProd.id));
    expect(r.code).toBe(0);
    expect((await dgNamed('FromProject'))?.id).toBe(json(r)['Device Group'].id);
  });

  it('fails before authentication without Project file and --product', async () => {
    const r = await runImpt(['dg', 'create', '-n', 'NoProduct'], { home: tempDir(), cwd: tempDir() });
    expect(r.stdout).toBe('Error: No Product Identifier is specified.\nIMPT COMMAND FAILS\n');
    expect(r.code).toBe(1);
  });

  it('reports a corrupted Project file, harmless when --product is given', async () => {
    const dir = w.projectDir(null, '{"deviceFile": "device.nut"}');
    expectFailure(await w.run(['dg', 'create', '-n', 'Corrupt'], dir), 'Project File is corrupted.');
    const bad = w.projectDir(null, '{not json');
    expectFailure(await w.run(['dg', 'create', '-n', 'Corrupt'], bad), 'Project File is corrupted.');
    const ok = await w.run(['dg', 'create', '-n', 'CorruptButGiven', '-p', product.id, '-z', 'json'], dir);
    expect(ok.code).toBe(0);
  });

  it('reports a Project file whose Device Group no longer exists', async () => {
    const gone = '00000000-0000-4000-8000-000000000000';
    const r = await w.run(['dg', 'create', '-n', 'Outdated'], w.projectDir(gone));
    expect(r.stdout).toBe(
      `Error: Device Group "${gone}", saved in Project File, does not exist anymore.\nImpossible to execute the command.\nUse "impt project delete" command to delete the outdated Project.\nIMPT COMMAND FAILS\n`,
    );
    expect(r.code).toBe(1);
  });
});
