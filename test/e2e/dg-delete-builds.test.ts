// impt dg delete (--force, confirmation) and dg builds (--unflag,
// --unflag-old, --remove); production groups and the unbond key
// (interface/dg.md).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer } from './dg-tty.js';
import { assign, expectFailure, json, SUCCEEDS, tick, useWorld } from './dg-world.js';

let product: any;

const w = useWorld(async () => {
  product = await w.demo.createProduct(w.name('DelLamp'));
});

const exists = async (coll: string, id: string) => (await w.demo.get(`/${coll}/${id}`)).status === 200;
const getDep = async (id: string) => (await w.demo.get(`/deployments/${id}`)).body.data;
const newDg = (name: string, type = 'development_devicegroup', rels = {}) => w.demo.createDg(product.id, type, name, rels);
const tty = (args: string[], answers: string[]) => answer(args, w.home, answers);

/** A group with devices, one flagged deployment and one plain deployment. */
async function busyGroup(name: string, devices = 2) {
  const dg = await newDg(name);
  const plain = await w.demo.deploy(dg, { tags: ['plain'], device_code: `// ${name} plain` });
  await tick();
  const flagged = await w.demo.deploy(dg, { tags: ['RC2', 'beta'], origin: 'github.com/acme/lamp', flagged: true, device_code: `// ${name} flagged` });
  const ids = w.devices(devices);
  await assign(w.demo, dg.id, ids);
  return { dg, plain, flagged, ids };
}

describe.concurrent('dg delete', () => {
  it('deletes a group with --confirmed in every mode', async () => {
    const [a, b, c] = await Promise.all([newDg('DelA'), newDg('DelB'), newDg('DelC')]);
    const [r, m, j] = await Promise.all([
      w.run(['dg', 'delete', '-g', 'DelA', '-q']),
      w.run(['dg', 'delete', '-g', b.id, '--confirmed', '-z', 'minimal']),
      w.run(['dg', 'delete', '-g', `{me}{${product.attributes.name}}{DelC}`, '-q', '-z', 'json']),
    ]);
    expect(r.stdout).toBe(`Device Group "DelA" is deleted successfully.\n${SUCCEEDS}\n`);
    expect(m.stdout).toBe('');
    expect(json(j)).toEqual({});
    expect(await Promise.all([a, b, c].map((g) => exists('devicegroups', g.id)))).toEqual([false, false, false]);
  });

  it('asks for confirmation; without a terminal it fails before any change', async () => {
    const dg = await newDg('DelAsk');
    const r = await w.run(['dg', 'delete', '-g', 'DelAsk']);
    // the summary comes first, as in impt 2.6.1, then the F1 error instead of the question
    expect(r.stdout).toBe(
      `The following entities will be deleted:\nDevice Group: \n  id:   ${dg.id}\n  type: development\n  name: DelAsk\n\nError: Confirmation is required; run the command with --confirmed (-q) in non-interactive use.\nIMPT COMMAND FAILS\n`,
    );
    expect(r.code).toBe(1);
    const j = await w.run(['dg', 'delete', '-g', 'DelAsk', '-z', 'json']);
    expect(JSON.parse(j.stdout)).toEqual({ Error: 'Confirmation is required; run the command with --confirmed (-q) in non-interactive use.' });
    const no = await tty(['dg', 'delete', '-g', 'DelAsk'], ['n']);
    expect(no.text).toContain(`The following entities will be deleted:\nDevice Group: \n  id:   ${dg.id}\n  type: development\n  name: DelAsk\n\nAre you sure you want to continue?\n`);
    expect(no.text).toContain('Operation is canceled.\nIMPT COMMAND FAILS');
    expect(no.code).toBe(1);
    expect(await exists('devicegroups', dg.id)).toBe(true);
  });

  it('--force shows devices and flagged deployments, then unassigns, unflags and deletes', async () => {
    const { dg, flagged, ids } = await busyGroup('DelForce');
    const r = await tty(['dg', 'delete', '-g', 'DelForce', '--force'], ['y']);
    const t = r.text;
    expect(t).toContain(`The following entities will be deleted:\nDevice Group: \n  id:   ${dg.id}\n  type: development\n  name: DelForce\n\nThe following Devices will be unassigned from Device Groups:\nDevice: \n  id:            ${ids[0]}\n`);
    expect(t).toContain(
      `\nThe following Deployments are marked "flagged" to prevent deleting. They will be modified by setting "flagged" attribute to false:\nDeployment: \n  id:      ${flagged.id}\n  sha:     ${flagged.attributes.sha}\n  tags:    RC2, beta\n  origin:  github.com/acme/lamp\n  flagged: true\n\nAre you sure you want to continue?\n`,
    );
    expect(t).toContain(
      `Device "${ids[0]}" is unassigned successfully.\nDevice "${ids[1]}" is unassigned successfully.\nDeployment "${flagged.id}" is updated successfully.\nDevice Group "DelForce" is deleted successfully.\n${SUCCEEDS}`,
    );
    expect(r.code).toBe(0);
    expect(await exists('devicegroups', dg.id)).toBe(false);
    // deployments are kept, unflagged
    expect((await getDep(flagged.id)).attributes.flagged).toBe(false);
  });

  it('without --force the server refuses groups with devices or flagged deployments', async () => {
    const { dg } = await busyGroup('DelBusy', 1);
    const devices = await w.run(['dg', 'delete', '-g', 'DelBusy', '-q']);
    expectFailure(devices, 'Devicegroup Not Empty: Cannot delete a devicegroup with assigned devices; unassign them first.');
    await w.run(['dg', 'unassign', '-g', 'DelBusy']);
    const flagged = await w.run(['dg', 'delete', '-g', 'DelBusy', '-q']);
    expectFailure(flagged, 'Flagged Deployments Exist: Cannot delete a devicegroup with flagged deployments; set their flagged attribute to false and try again.');
    expect(await exists('devicegroups', dg.id)).toBe(true);
    const forced = await w.run(['dg', 'delete', '-g', 'DelBusy', '-q', '-f', '-z', 'json']);
    expect(json(forced)).toEqual({});
    expect(await exists('devicegroups', dg.id)).toBe(false);
  });

  it('refuses to delete the target of another group', async () => {
    const prod = await newDg('DelTargetProd', 'production_devicegroup');
    const dut = await newDg('DelTargetDut', 'dut_devicegroup');
    await newDg('DelTargetFactory', 'factoryfixture_devicegroup', {
      production_target: { type: prod.type, id: prod.id },
      dut_target: { type: dut.type, id: dut.id },
    });
    expectFailure(
      await w.run(['dg', 'delete', '-g', 'DelTargetProd', '-q']),
      'Dependent Devicegroups Exist: Cannot delete a devicegroup that is the production_target or dut_target of another devicegroup.',
    );
  });

  it('uses and keeps the Project file', async () => {
    const dg = await newDg('DelProject');
    const dir = w.projectDir(dg.id);
    const r = await w.run(['dg', 'delete', '-q'], dir);
    expect(r.stdout).toBe(`Device Group "${dg.id}" is deleted successfully.\n${SUCCEEDS}\n`);
    expect(fs.existsSync(path.join(dir, '.impt.project'))).toBe(true);
    expectFailure(await w.run(['dg', 'info'], dir), `Device Group "${dg.id}", saved in Project File, does not exist anymore.`);
    expectFailure(await w.run(['dg', 'delete', '-g', 'DelProject', '-q']), 'Device Group "DelProject" is not found.');
  });
});

describe.concurrent('dg builds', () => {
  /** Four deployments, oldest first: RC1 flagged, RC2, RC3 flagged (min supported), RC4 (current). */
  async function history(name: string) {
    const dg = await newDg(name);
    const builds = [];
    for (const [i, flagged] of [true, false, true, false].entries()) {
      builds.push(await w.demo.deploy(dg, { tags: [`RC${i + 1}`], flagged, device_code: `// ${name} ${i}` }));
      await tick();
    }
    await w.demo.put(`/devicegroups/${dg.id}/relationships/min_supported_deployment`, { data: { type: 'deployment', id: builds[2].id } });
    return { dg, builds };
  }

  it('lists the deployments of the group in every mode', async () => {
    const { dg, builds } = await history('BuildsList');
    const [r, m, j] = await Promise.all([
      w.run(['dg', 'builds', '-g', 'BuildsList']),
      w.run(['dg', 'builds', '-g', dg.id, '-z', 'minimal']),
      w.run(['dg', 'builds', '-g', 'BuildsList', '-z', 'json']),
    ]);
    const dgBlock = `  Device Group: \n    id:   ${dg.id}\n    type: development\n    name: BuildsList\n`;
    const first = `Deployment: \n  id:           ${builds[0].id}\n  sha:          ${builds[0].attributes.sha}\n  tags:         RC1\n  flagged:      true\n${dgBlock}`;
    expect(r.stdout.startsWith(`Deployment list (4 items):\n${first}Deployment: \n  id:           ${builds[1].id}\n`)).toBe(true);
    expect(r.stdout.endsWith(`${SUCCEEDS}\n`)).toBe(true);
    expect(m.stdout.startsWith(first)).toBe(true);
    expect(json(j).map((x: any) => x.Deployment.id)).toEqual(builds.map((b) => b.id));
    expect(json(j)[1]).toEqual({
      Deployment: { id: builds[1].id, sha: builds[1].attributes.sha, tags: ['RC2'], 'Device Group': { id: dg.id, type: 'development', name: 'BuildsList' } },
    });
  });

  it('--unflag-old unflags the flagged deployments older than min supported', async () => {
    const { builds } = await history('BuildsUnflagOld');
    const r = await w.run(['dg', 'builds', '-g', 'BuildsUnflagOld', '--unflag-old']);
    expect(r.stdout.startsWith(`Deployment "${builds[0].id}" is updated successfully.\nDeployment list (4 items):\n`)).toBe(true);
    expect((await getDep(builds[0].id)).attributes.flagged).toBe(false);
    expect((await getDep(builds[2].id)).attributes.flagged).toBe(true);
    const again = await w.run(['dg', 'builds', '-g', 'BuildsUnflagOld', '-o']);
    expect(again.stdout.startsWith('No "flagged" Deployments are found for Device Group "BuildsUnflagOld".\nDeployment list (4 items):\n')).toBe(true);
  });

  it('--remove deletes the unflagged deployments older than min supported', async () => {
    const { builds } = await history('BuildsRemove');
    const r = await w.run(['dg', 'builds', '-g', 'BuildsRemove', '--unflag-old', '--remove', '-q']);
    expect(r.stdout).toContain(
      `Deployment "${builds[0].id}" is updated successfully.\nDeployment "${builds[0].id}" is deleted successfully.\nDeployment "${builds[1].id}" is deleted successfully.\nDeployment list (2 items):\n`,
    );
    expect(await Promise.all(builds.map((b) => exists('deployments', b.id)))).toEqual([false, false, true, true]);
    const again = await w.run(['dg', 'builds', '-g', 'BuildsRemove', '-r', '-q', '-z', 'json']);
    expect(json(again).map((x: any) => x.Deployment.id)).toEqual([builds[2].id, builds[3].id]);
    const text = await w.run(['dg', 'builds', '-g', 'BuildsRemove', '-r']);
    expect(text.stdout.startsWith('No Deployments that can be deleted are found for Device Group "BuildsRemove".\nDeployment list (2 items):\n')).toBe(true);
  });

  it('--remove asks first: summary of the deployments, then the question', async () => {
    const { builds } = await history('BuildsAsk');
    const noTty = await w.run(['dg', 'builds', '-g', 'BuildsAsk', '--remove']);
    expectFailure(noTty, 'Confirmation is required; run the command with --confirmed (-q) in non-interactive use.');
    const no = await tty(['dg', 'builds', '-g', 'BuildsAsk', '--remove'], ['n']);
    expect(no.text).toContain(`The following entities will be deleted:\nDeployment: \n  id:   ${builds[1].id}\n  sha:  ${builds[1].attributes.sha}\n  tags: RC2\n\nAre you sure you want to continue?\n`);
    expect(no.text).toContain('Operation is canceled.');
    expect(no.code).toBe(1);
    const yes = await tty(['dg', 'builds', '-g', 'BuildsAsk', '--remove'], ['y']);
    expect(yes.text).toContain(`Deployment "${builds[1].id}" is deleted successfully.\nDeployment list (3 items):`);
    expect(await exists('deployments', builds[1].id)).toBe(false);
  });

  it('without a terminal, --unflag/--unflag-old with --remove refuse before unflagging anything', async () => {
    const { builds } = await history('BuildsNoTtyUnflag');
    for (const flag of ['--unflag', '--unflag-old']) {
      const r = await w.run(['dg', 'builds', '-g', 'BuildsNoTtyUnflag', flag, '--remove']);
      expectFailure(r, 'Confirmation is required; run the command with --confirmed (-q) in non-interactive use.');
      expect(r.stdout).not.toContain('is updated successfully');
      expect((await Promise.all(builds.map((b) => getDep(b.id)))).map((d) => d.attributes.flagged)).toEqual([true, false, true, false]);
    }
    // nothing older than min supported: no question, so no refusal
    const dg = await newDg('BuildsNoTtyNothing');
    const first = await w.demo.deploy(dg, { flagged: true, device_code: '// nothing 1' });
    await tick();
    await w.demo.deploy(dg, { flagged: true, device_code: '// nothing 2' });
    await w.demo.put(`/devicegroups/${dg.id}/relationships/min_supported_deployment`, { data: { type: 'deployment', id: first.id } });
    const ok = await w.run(['dg', 'builds', '-g', 'BuildsNoTtyNothing', '--unflag', '--remove']);
    expect(ok.stdout).toContain(`Deployment "${first.id}" is updated successfully.\n`);
    expect(ok.stdout).toContain('No Deployments that can be deleted are found for Device Group "BuildsNoTtyNothing".\nDeployment list (2 items):\n');
    expect(ok.code).toBe(0);
  });

  it('--unflag unflags every flagged deployment; without min supported all are older', async () => {
    const { builds } = await history('BuildsUnflag');
    const r = await w.run(['dg', 'builds', '-g', 'BuildsUnflag', '-u', '-z', 'minimal']);
    expect(r.stdout.startsWith('Deployment: \n')).toBe(true);
    expect((await Promise.all(builds.map((b) => getDep(b.id)))).map((d) => d.attributes.flagged)).toEqual([false, false, false, false]);
    const dg = await newDg('BuildsNoMin');
    const old = await w.demo.deploy(dg, { flagged: true, device_code: '// no min 1' });
    await tick();
    await w.demo.deploy(dg, { flagged: true, device_code: '// no min 2' });
    const all = await w.run(['dg', 'builds', '-g', 'BuildsNoMin', '--unflag-old', '-z', 'json']);
    expect(json(all).map((x: any) => x.Deployment.flagged)).toEqual([undefined, undefined]);
    expect((await getDep(old.id)).attributes.flagged).toBe(false);
  });

  it('an empty group has no deployments', async () => {
    await newDg('BuildsEmpty');
    const r = await w.run(['dg', 'builds', '-g', 'BuildsEmpty', '-u']);
    expect(r.stdout).toBe(`No "flagged" Deployments are found for Device Group "BuildsEmpty".\nNo Deployments are found.\n${SUCCEEDS}\n`);
    const p = await w.run(['dg', 'builds', '-z', 'json'], w.projectDir((await newDg('BuildsProject')).id));
    expect(json(p)).toEqual([]);
  });
});

describe('production groups and the unbond key', () => {
  it('dg unassign needs the unbond key; dg delete --force does not send it', async () => {
    const prod = await newDg('UnbondProd', 'production_devicegroup');
    const dut = await newDg('UnbondDut', 'dut_devicegroup');
    const fixture = await newDg('UnbondFactory', 'factoryfixture_devicegroup', {
      production_target: { type: prod.type, id: prod.id },
      dut_target: { type: dut.type, id: dut.id },
    });
    const [fixtureDevice] = w.devices(1);
    await assign(w.demo, fixture.id, [fixtureDevice!]);
    const made = await w.emu.admin('POST', `factory/${fixtureDevice}/dut`, {});
    const dutId = made.data?.id as string;
    expect(dutId, JSON.stringify(made)).toBeTruthy();
    const blessed = await w.emu.admin('POST', `devices/${dutId}/bless`, { success: true });
    expect(blessed.data?.blessed, JSON.stringify(blessed)).toBe(true);

    const forced = await w.run(['dg', 'delete', '-g', 'UnbondProd', '-f', '-q']);
    expectFailure(forced, 'Invalid Permission: An unbond key (X-Electricimp-Key) is required to unassign devices from a production device group.');
    const missing = await w.run(['dg', 'unassign', '-g', 'UnbondProd']);
    expectFailure(missing, 'Invalid Permission: An unbond key (X-Electricimp-Key) is required to unassign devices from a production device group.');
    const wrong = await w.run(['dg', 'unassign', '-g', 'UnbondProd', '-u', 'wrong-key']);
    expectFailure(wrong, 'Invalid Permission: The unbond key is invalid.');
    // debug dumps hide the key (DIFFERENCES F2)
    const debug = await w.run(['dg', 'unassign', '-g', 'UnbondProd', '-u', 'wrong-key', '-z', 'debug']);
    expect(debug.stdout).toContain('[hidden]');
    expect(debug.stdout).not.toContain('wrong-key');
    expect(debug.stdout).toContain('Error: Invalid Permission: The unbond key is invalid.\n');
    const ok = await w.run(['dg', 'unassign', '-g', 'UnbondProd', '--unbond', 'demo-unbond-key']);
    expect(ok.stdout.startsWith(`The following Devices are unassigned successfully from Device Group "UnbondProd":\nDevice: \n  id:`)).toBe(true);
    expect(ok.stdout).toContain(dutId);
    expect((await w.demo.get(`/devices/${dutId}`)).body.data.relationships?.devicegroup).toBeUndefined();
  });
});
