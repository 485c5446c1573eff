// impt dg update: attributes, targets, load-code-after-blessing, min
// supported deployment, env variables, failures (interface/dg.md).
import { describe, expect, it } from 'vitest';
import { expectFailure, json, SUCCEEDS, tick, useWorld } from './dg-world.js';

let product: any;
let other: any;

const w = useWorld(async () => {
  product = await w.demo.createProduct(w.name('UpdLamp'));
  other = await w.demo.createProduct(w.name('UpdOther'));
});

const get = async (id: string) => (await w.demo.get(`/devicegroups/${id}`)).body.data;

/** A development group with deployments tagged `tags[i]`, oldest first, each with its own code. */
async function groupWithBuilds(name: string, tags: string[][]): Promise<{ dg: any; builds: any[] }> {
  const dg = await w.demo.createDg(product.id, 'development_devicegroup', name);
  const builds = [];
  for (const t of tags) {
    builds.push(await w.demo.deploy(dg, { tags: t, device_code: `server.log("${name} ${t.join()}");` }));
    await tick();
  }
  return { dg, builds };
}

describe.concurrent('dg update', () => {
  it('updates name and description; the message names the group as typed', async () => {
    const dg = await w.demo.createDg(product.id, 'development_devicegroup', 'LampQA');
    const r = await w.run(['dg', 'update', '-g', 'LampQA', '-n', 'LampQA1', '-s', 'QA group 1']);
    expect(r.stdout).toBe(`Device Group "LampQA" is updated successfully.\n${SUCCEEDS}\n`);
    expect((await get(dg.id)).attributes).toMatchObject({ name: 'LampQA1', description: 'QA group 1' });
    const m = await w.run(['dg', 'update', '-g', dg.id, '-s', 'x', '-z', 'minimal']);
    const j = await w.run(['dg', 'update', '-g', `{me}{${product.attributes.name}}{LampQA1}`, '-s', '', '-z', 'json']);
    expect(m.stdout).toBe('');
    expect(json(j)).toEqual({});
    expect((await get(dg.id)).attributes.description).toBe('');
  });

  it('sends the PATCH even without options', async () => {
    const dg = await w.demo.createDg(product.id, 'development_devicegroup', 'NoChange');
    const r = await w.run(['dg', 'update', '-g', dg.id]);
    expect(r.stdout).toBe(`Device Group "${dg.id}" is updated successfully.\n${SUCCEEDS}\n`);
    expect((await get(dg.id)).attributes.updated_at).not.toBe(dg.attributes.updated_at);
  });

  it('sets --load-code-after-blessing on production groups only', async () => {
    const prod = await w.demo.createDg(product.id, 'production_devicegroup', 'LcabProd');
    const r = await w.run(['dg', 'update', '-g', 'LcabProd', '-l', 'false', '-z', 'json']);
    expect(json(r)).toEqual({});
    expect((await get(prod.id)).attributes.load_code_after_blessing).toBe(false);
    await w.run(['dg', 'update', '-g', 'LcabProd', '--load-code-after-blessing']);
    expect((await get(prod.id)).attributes.load_code_after_blessing).toBe(true);
    await w.run(['dg', 'update', '-g', 'LcabProd', '--loadCodeAfterBlessing=false']);
    expect((await get(prod.id)).attributes.load_code_after_blessing).toBe(false);
    await w.demo.createDg(product.id, 'development_devicegroup', 'LcabDev');
    expectFailure(
      await w.run(['dg', 'update', '-g', 'LcabDev', '-l']),
      'Invalid option "--load-code-after-blessing" for Device Group of the type "development". It may be specified for "pre-production" or "production" Device Groups only.',
    );
    const word = await w.run(['dg', 'update', '-g', 'LcabProd', '-l', 'maybe']);
    expect(word.stdout).toContain('Error: Unknown arguments: maybe.\n');
    expect(word.code).toBe(1);
  });

  it('changes the targets of a factory group', async () => {
    const prodA = await w.demo.createDg(product.id, 'production_devicegroup', 'TgtProdA');
    const prodB = await w.demo.createDg(product.id, 'production_devicegroup', 'TgtProdB');
    const dutA = await w.demo.createDg(product.id, 'dut_devicegroup', 'TgtDutA');
    const dutB = await w.demo.createDg(product.id, 'dut_devicegroup', 'TgtDutB');
    const fac = await w.demo.createDg(product.id, 'factoryfixture_devicegroup', 'TgtFactory', {
      production_target: { type: prodA.type, id: prodA.id },
      dut_target: { type: dutA.type, id: dutA.id },
    });
    const r = await w.run(['dg', 'update', '-g', 'TgtFactory', '-t', 'TgtProdB', '-u', dutB.id]);
    expect(r.stdout).toBe(`Device Group "TgtFactory" is updated successfully.\n${SUCCEEDS}\n`);
    const after = await get(fac.id);
    expect(after.relationships.production_target.id).toBe(prodB.id);
    expect(after.relationships.dut_target.id).toBe(dutB.id);
  });

  it('refuses targets that do not fit', async () => {
    const prod = await w.demo.createDg(product.id, 'production_devicegroup', 'BadTgtProd');
    const dut = await w.demo.createDg(product.id, 'dut_devicegroup', 'BadTgtDut');
    await w.demo.createDg(product.id, 'factoryfixture_devicegroup', 'BadTgtFactory', {
      production_target: { type: prod.type, id: prod.id },
      dut_target: { type: dut.type, id: dut.id },
    });
    await w.demo.createDg(other.id, 'production_devicegroup', 'ForeignProd');
    await w.demo.createDg(product.id, 'development_devicegroup', 'PlainDev');
    const results = await Promise.all([
      w.run(['dg', 'update', '-g', 'PlainDev', '-t', 'BadTgtProd']),
      w.run(['dg', 'update', '-g', 'PlainDev', '--dut', 'BadTgtDut']),
      w.run(['dg', 'update', '-g', 'BadTgtFactory', '-t', 'BadTgtDut']),
      w.run(['dg', 'update', '-g', 'BadTgtFactory', '-t', 'ForeignProd']),
      w.run(['dg', 'update', '-g', 'BadTgtFactory', '-u', 'Missing']),
    ]);
    expectFailure(results[0]!, 'Invalid option "--target" for Device Group of the type "development". It may be specified for "pre-factory" or "factory" Device Groups only.');
    expectFailure(results[1]!, 'Invalid option "--dut" for Device Group of the type "development". It may be specified for "pre-factory" or "factory" Device Groups only.');
    expectFailure(results[2]!, 'Production Target Device Group "BadTgtDut" is of the type "dut" but must be of the type "production".');
    expectFailure(results[3]!, 'Production Target Device Group must be from the same Product.');
    expectFailure(results[4]!, 'DUT Target Device Group "Missing" is not found.');
  });

  it('moves min supported deployment forward only', async () => {
    const { dg, builds } = await groupWithBuilds('MinDev', [['RC1'], ['RC2'], ['RC3', 'shared'], ['RC4', 'shared']]);
    // no min-supported deployment yet: any deployment of the group is accepted
    const first = await w.run(['dg', 'update', '-g', 'MinDev', '-m', 'RC2']);
    expect(first.stdout).toBe(
      `Min supported Deployment for Device Group "MinDev" is updated successfully.\nDevice Group "MinDev" is updated successfully.\n${SUCCEEDS}\n`,
    );
    expect((await get(dg.id)).relationships.min_supported_deployment.id).toBe(builds[1].id);
    expectFailure(
      await w.run(['dg', 'update', '-g', 'MinDev', '-m', builds[0].id]),
      'Min supported Deployment cannot be set to an earlier Deployment than the current Min supported Deployment.',
    );
    const bySha = await w.run(['dg', 'update', '-g', dg.id, '--min-supported-deployment', builds[2].attributes.sha, '-z', 'json']);
    expect(json(bySha)).toEqual({});
    expect((await get(dg.id)).relationships.min_supported_deployment.id).toBe(builds[2].id);
    const ambiguous = await w.run(['dg', 'update', '-g', 'MinDev', '-m', 'shared']);
    expectFailure(ambiguous, 'Multiple Deployments "shared" are found:');
    expect(ambiguous.stdout).toContain(`Deployment: \n  id:           ${builds[2].id}\n`);
    expect(ambiguous.stdout).toContain('Impossible to execute the command.\n');
    expectFailure(await w.run(['dg', 'update', '-g', 'MinDev', '-m', 'RC9']), 'Deployment "RC9" is not found.');
  });

  it('refuses a deployment of another group', async () => {
    await groupWithBuilds('OwnBuilds', [['own1']]);
    await groupWithBuilds('ForeignBuilds', [['foreign1']]);
    expectFailure(
      await w.run(['dg', 'update', '-g', 'OwnBuilds', '-m', 'foreign1']),
      'Deployment "foreign1" does not belong to Device Group "OwnBuilds". Impossible to set it as Min supported Deployment.',
    );
  });

  it('sets env variables; bad JSON fails after the min-supported update already happened', async () => {
    const { dg, builds } = await groupWithBuilds('EnvUpd', [['E1'], ['E2']]);
    const ok = await w.run(['dg', 'update', '-g', 'EnvUpd', '-e', '{"MODE":"prod"}']);
    expect(ok.code).toBe(0);
    expect((await get(dg.id)).attributes.env_vars).toEqual({ MODE: 'prod' });
    const bad = await w.run(['dg', 'update', '-g', 'EnvUpd', '-m', 'E2', '-n', 'NeverRenamed', '-e', "{'x':1}"]);
    expect(bad.stderr).toBe("Invalid JSON string: {'x':1}\n");
    expect(bad.stdout).toMatch(/^Min supported Deployment for Device Group "EnvUpd" is updated successfully\.\nError: .*JSON.*\nIMPT COMMAND FAILS\n$/);
    expect(bad.code).toBe(1);
    const after = await get(dg.id);
    expect(after.relationships.min_supported_deployment.id).toBe(builds[1].id);
    expect(after.attributes.name).toBe('EnvUpd');
  });

  it('reports failures of identification and of the server', async () => {
    await w.demo.createDg(product.id, 'development_devicegroup', 'DupA');
    await w.demo.createDg(product.id, 'development_devicegroup', 'DupB');
    const [missing, dup, empty] = await Promise.all([
      w.run(['dg', 'update', '-g', 'NoSuchDg', '-s', 'x']),
      w.run(['dg', 'update', '-g', 'DupB', '-n', 'DupA']),
      w.run(['dg', 'update', '-g', 'DupB', '-m', '']),
    ]);
    expectFailure(missing, 'Device Group "NoSuchDg" is not found.');
    expectFailure(dup, 'Duplicate Resource: Devicegroups must have unique names.');
    expect(empty.stdout).toContain('Error: Option "--min-supported-deployment" must not be empty.\n');
  });

  it('uses the Project file when --dg is omitted (message names the id)', async () => {
    const dg = await w.demo.createDg(product.id, 'development_devicegroup', 'ProjUpd');
    const r = await w.run(['dg', 'update', '-s', 'from project'], w.projectDir(dg.id));
    expect(r.stdout).toBe(`Device Group "${dg.id}" is updated successfully.\n${SUCCEEDS}\n`);
    expect((await get(dg.id)).attributes.description).toBe('from project');
  });
});
