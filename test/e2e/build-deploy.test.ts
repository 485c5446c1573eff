// impt build deploy / build run (interface/build.md): code sources, options,
// Project file fallback, failures, and the extra steps of `build run`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cleanEnv, IMPT_BIN, tempDir, type ImptResult } from '../helpers/impt.js';
import { assign, dev, fails, ok, setup, usage } from './build-fixtures.js';

const env = setup('bdep');

function project(files: Record<string, string>, projectFile?: object): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  if (projectFile) fs.writeFileSync(path.join(dir, '.impt.project'), JSON.stringify(projectFile));
  return dir;
}

/** Runs impt until its log stream is open, then stops it with SIGTERM. */
function runUntilStreaming(args: string[]): Promise<ImptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [IMPT_BIN, ...args], { cwd: env.home, env: cleanEnv({ HOME: env.home }) });
    let stdout = '';
    // a guard against a hung impt, not a limit on a slow one
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      // a moment later, as a person pressing Ctrl-C would
      if (stdout.includes('Press <Ctrl-C> to exit.')) setTimeout(() => child.kill('SIGTERM'), 500);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr: '', code: code ?? -1 });
    });
  });
}

const NO_DEVICE = '--device-file option is not specified, empty device code will be deployed.';
const NO_AGENT = '--agent-file option is not specified, empty agent code will be deployed.';

describe('build deploy', () => {
  it('deploys both files with every attribute option (default mode)', async () => {
    const { dg } = await env.group();
    const cwd = project({ 'device.nut': 'server.log("dev 1");', 'agent.nut': 'server.log("agent 1");' });
    const out = ok(
      await env.run(['build', 'deploy', '-g', dg.attributes.name, '-x', 'device.nut', '-y', 'agent.nut', '-s', 'first', '-o', 'git:abc', '-t', 'rc1', '--tag', 'beta', '-f'], cwd),
    );
    const id = /Deployment "([0-9a-f-]{36})" is created successfully\.\n/.exec(out)?.[1];
    expect(id).toBeDefined();
    const dep = (await env.api.get(`/deployments/${id}`)).body.data;
    expect(out).toBe(
      `Deployment "${id}" is created successfully.\nDeployment: \n  id:      ${id}\n  sha:     ${dep.attributes.sha}\n  tags:    rc1, beta\n  origin:  git:abc\n  flagged: true\nIMPT COMMAND SUCCEEDS\n`,
    );
    expect(dep.attributes).toMatchObject({
      device_code: 'server.log("dev 1");',
      agent_code: 'server.log("agent 1");',
      description: 'first',
      origin: 'git:abc',
      flagged: true,
      tags: ['rc1', 'beta'],
    });
    expect(dep.relationships.devicegroup.id).toBe(dg.id);
  });

  it('prints only the block in minimal mode and the short view in json', async () => {
    const { dg } = await env.group();
    const cwd = project({ 'd.nut': 'server.log("m");' });
    const minimal = ok(await env.run(['build', 'deploy', '-g', dg.id, '-x', 'd.nut', '-t', 'a', '-t', 'b', '-z', 'minimal'], cwd));
    expect(minimal).toMatch(/^Deployment: \n  id:   [0-9a-f-]{36}\n  sha:  [0-9a-f]{64}\n  tags: a,b\n$/);
    const json = JSON.parse(ok(await env.run(['build', 'deploy', '-g', dg.id, '-x', 'd.nut', '--flagged', 'false', '-z', 'json'], cwd)));
    expect(Object.keys(json.Deployment)).toEqual(['id', 'sha']);
    const dep = (await env.api.get(`/deployments/${json.Deployment.id}`)).body.data;
    expect(dep.attributes.flagged).toBe(false);
    expect(dep.attributes.agent_code).toBe('');
  });

  it('deploys empty code with the info notices when no file is known', async () => {
    const { dg } = await env.group();
    const out = ok(await env.run(['build', 'deploy', '-g', dg.attributes.name, '--descr', '']));
    expect(out.startsWith(`${NO_DEVICE}\n${NO_AGENT}\nDeployment "`)).toBe(true);
    const id = /Deployment "(.+)" is created/.exec(out)![1];
    const dep = (await env.api.get(`/deployments/${id}`)).body.data;
    expect(dep.attributes).toMatchObject({ device_code: '', agent_code: '', description: '', flagged: false, tags: [] });
    const json = await env.run(['build', 'deploy', '-g', dg.id, '-z', 'json']);
    expect(JSON.parse(ok(json)).Deployment.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes the Device Group and both file names from the Project file', async () => {
    const { dg } = await env.group();
    const cwd = project({ 'pd.nut': 'device();', 'pa.nut': 'agent();' }, { deviceGroupId: dg.id, deviceFile: 'pd.nut', agentFile: 'pa.nut' });
    const out = ok(await env.run(['build', 'deploy'], cwd));
    expect(out).not.toContain('option is not specified');
    const dgNow = (await env.api.get(`/devicegroups/${dg.id}`)).body.data;
    const dep = (await env.api.get(`/deployments/${dgNow.relationships.current_deployment.id}`)).body.data;
    expect(dep.attributes.device_code).toBe('device();');
    expect(dep.attributes.agent_code).toBe('agent();');
    // an explicit option wins over the Project file
    const other = project({ 'x.nut': 'x();' });
    fs.copyFileSync(path.join(cwd, '.impt.project'), path.join(other, '.impt.project'));
    const out2 = ok(await env.run(['build', 'deploy', '-x', 'x.nut', '-y', 'x.nut'], other));
    const id2 = /Deployment "(.+)" is created/.exec(out2)![1];
    expect((await env.api.get(`/deployments/${id2}`)).body.data.attributes.agent_code).toBe('x();');
  });

  it('reports missing source files before looking up the Device Group', async () => {
    const cwd = project({ 'd.nut': '' });
    fails(await env.run(['build', 'deploy', '-g', 'no-such-dg', '-x', 'missing.nut'], cwd), 'File with IMP device source code "missing.nut" is not found.');
    fails(
      await env.run(['build', 'deploy', '-g', 'no-such-dg', '-x', 'd.nut', '-y', 'gone.nut', '-z', 'json'], cwd),
      'File with IMP agent source code "gone.nut" is not found.',
      'json',
    );
    fails(await env.run(['build', 'deploy', '-g', 'no-such-dg', '-x', 'd.nut', '-y', 'd.nut', '-z', 'minimal'], cwd), 'Device Group "no-such-dg" is not found.', 'minimal');
  });

  it('fails without a Device Group identifier or with an outdated Project file', async () => {
    fails(await env.run(['build', 'deploy']), 'No Device Group Identifier is specified.');
    const gone = project({}, { deviceGroupId: '00000000-0000-0000-0000-000000000000' });
    const out = fails(await env.run(['build', 'deploy'], gone), 'Device Group "00000000-0000-0000-0000-000000000000", saved in Project File, does not exist anymore.');
    expect(out).toContain('Impossible to execute the command.\nUse "impt project delete" command to delete the outdated Project.\n');
    const corrupted = project({ '.impt.project': '{oops' });
    fails(await env.run(['build', 'deploy'], corrupted), 'Project File is corrupted.');
  });

  it('passes impCentral validation errors through', async () => {
    const { dg } = await env.group();
    const r = await env.run(['build', 'deploy', '-g', dg.id, '-t', 'bad tag!']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\nError: [^\n]+: Tag "bad tag!" is invalid[^\n]*\nIMPT COMMAND FAILS\n$/);
  });

  it('validates its options before doing anything', async () => {
    usage(await env.run(['build', 'deploy', '--tag']), 'Not enough arguments following: tag');
    usage(await env.run(['build', 'deploy', '-g', '']), 'Option "--dg" must not be empty.');
    usage(await env.run(['build', 'deploy', '-x', '']), 'Option "--device-file" must not be empty.');
    usage(await env.run(['build', 'deploy', '-s', 'a', '-s', 'b']), 'Option "--descr" must not be specified multiple times.');
    usage(await env.run(['build', 'deploy', '--flagged', 'maybe']), 'Unknown arguments: maybe.');
    usage(await env.run(['build', 'deploy', '-z', 'table']), 'Option "--output" value "table" is accepted by the list commands only: impt account list, impt build list, impt device list, impt dg list, impt loginkey list, impt product list, impt webhook list.');
  });
});

describe('build run', () => {
  it('deploys, sets the min supported Deployment, updates the group and reports no devices', async () => {
    const { dg } = await env.group();
    const name = dg.attributes.name;
    const out = ok(await env.run(['build', 'run', '-g', name, '-s', 'run descr']));
    const id = /Deployment "(.+)" is created/.exec(out)![1];
    expect(out).toBe(
      `${NO_DEVICE}\n${NO_AGENT}\nDeployment "${id}" is created successfully.\nMin supported Deployment for Device Group "${name}" is updated successfully.\nDevice Group "${name}" is updated successfully.\nDevice Group "${name}" does not have assigned Devices.\nIMPT COMMAND SUCCEEDS\n`,
    );
    const g = (await env.api.get(`/devicegroups/${dg.id}`)).body.data;
    expect(g.relationships.min_supported_deployment.id).toBe(id);
    expect(g.attributes.description).toBe('run descr');
    // --log is silently ignored without devices
    ok(await env.run(['build', 'run', '-g', dg.id, '--log']));
  });

  it('restarts the assigned devices and lists at most five of them', async () => {
    const { dg } = await env.group();
    await assign(env, dg.id, [1, 2, 3, 4, 5, 6].map(dev));
    const cwd = project({ 'd.nut': 'run();' }, { deviceGroupId: dg.id, deviceFile: 'd.nut' });
    const out = ok(await env.run(['build', 'run'], cwd));
    expect(out).toContain(`Min supported Deployment for Device Group "${dg.id}" is updated successfully.\n`);
    expect(out).toContain(`Restart request for Devices assigned to Device Group "${dg.id}" is successful:\nDevice: \n  id:            ${dev(1)}\n  name:          bd1\n`);
    expect(out.match(/^Device: $/gm)).toHaveLength(5);
    expect(out).toContain('And 1 more Device(s).\nIMPT COMMAND SUCCEEDS\n');
    await env.requests();
    const cond = ok(await env.run(['build', 'run', '-c'], cwd));
    expect(cond).toContain(`Conditional restart request for Devices assigned to Device Group "${dg.id}" is successful:\n`);
    const reqs = await env.requests();
    expect(reqs).toContain(`POST /devicegroups/${dg.id}/conditional_restart`);
    expect(reqs).toContain(`PUT /devicegroups/${dg.id}/relationships/min_supported_deployment`);
    // without --descr the group update is an empty PATCH: the description stays
    expect((await env.api.get(`/devicegroups/${dg.id}`)).body.data.attributes.description).toBe('');
  });

  it('prints nothing in minimal mode and {} in json mode', async () => {
    const { dg } = await env.group();
    await assign(env, dg.id, [dev(7)]);
    const minimal = await env.run(['build', 'run', '-g', dg.id, '-z', 'minimal']);
    expect(ok(minimal)).toBe('');
    const json = await env.run(['build', 'run', '-g', dg.id, '-z', 'json']);
    expect(ok(json)).toBe('{}\n');
  });

  it('announces the run, then streams the devices\' logs with --log until stopped', async () => {
    const { dg } = await env.group();
    await assign(env, dg.id, [dev(8)]);
    const r = await runUntilStreaming(['build', 'run', '-g', dg.id, '-l']);
    const id = /Deployment "(.+)" is created/.exec(r.stdout)![1];
    expect(r.stdout).toContain(`Restart request for Devices assigned to Device Group "${dg.id}" is successful:\n`);
    expect(r.stdout).toContain(`Deployment "${id}" is run successfully.\n`);
    expect(r.stdout).toContain(`Log stream for Device(s) ${dev(8)} is opened.\n`);
    expect(r.code).toBe(0);
  });

  it('fails like build deploy on bad sources and groups', async () => {
    fails(await env.run(['build', 'run', '-g', 'nope', '-x', 'nope.nut']), 'File with IMP device source code "nope.nut" is not found.');
    fails(await env.run(['build', 'run', '-g', 'nope', '-z', 'json']), 'Device Group "nope" is not found.', 'json');
    usage(await env.run(['build', 'run', '--conditional', 'false']), 'Option "--conditional" has incorrect value "false".');
  });
});
