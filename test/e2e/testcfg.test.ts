// impt test create / info / update / delete / github / run against the
// emulator (interface/test.md): the `.impt.test` and GitHub credentials file
// formats, prompts, failures, in default, minimal and json modes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { CONFIRM, fails, has, imptTty, ok, plannedProductAndGroup, readIn, seed, uniq, usageFails, useEmulator, writeIn } from './project-support.js';

const dev = (n: number) => `30000c2a6902${String(n).padStart(4, '0')}`;
const env = useEmulator(seed('30000c2a6902', 10, 'tc'));
const run = (args: string[], cwd: string) => env.run(args, cwd);
const read = (dir: string, f = '.impt.test') => readIn(dir, f);
const write = writeIn;

async function group(): Promise<{ product: any; dg: any }> {
  const product = await env.api.createProduct(uniq('TP'));
  const dg = await env.api.createDg(product.id, 'development_devicegroup', uniq('TG'));
  return { product, dg };
}
const DEFAULT_FILE = (id: string) =>
  `{\n  "deviceGroupId": "${id}",\n  "timeout": 30,\n  "stopOnFail": false,\n  "allowDisconnect": false,\n  "builderCache": false,\n  "testFiles": [\n    "*.test.nut",\n    "tests/**/*.test.nut"\n  ]\n}`;


describe('test create', () => {
  it('writes the default configuration and shows it (default, minimal, json)', async () => {
    const { product, dg } = await group();
    await env.assign(dg.id, dev(1));
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, '.builder-cache'));
    const out = ok(await run(['test', 'create', '-g', dg.attributes.name], dir));
    expect(out.replace(/agent_id: +\S+/, 'agent_id:      AGENT')).toBe(
      [
        'Builder cache .builder-cache directory is deleted successfully.',
        'Test Configuration is created successfully.',
        'Test Configuration: ',
        '  Test files:       *.test.nut, tests/**/*.test.nut',
        '  Stop on failure:  false',
        '  Timeout:          30',
        '  Allow disconnect: false',
        '  Builder cache:    false',
        '  Device Group: ',
        `    id:      ${dg.id}`,
        '    type:    development',
        `    name:    ${dg.attributes.name}`,
        '    Product: ',
        `      id:   ${product.id}`,
        `      name: ${product.attributes.name}`,
        '    Devices: ',
        '      Device: ',
        `        id:            ${dev(1)}`,
        '        name:          tc1',
        '        mac_address:   0c:2a:69:02:00:01',
        '        agent_id:      AGENT',
        '        device_online: true',
        'IMPT COMMAND SUCCEEDS',
        '',
      ].join('\n'),
    );
    expect(read(dir)).toBe(DEFAULT_FILE(dg.id));
    expect(has(dir, '.builder-cache')).toBe(false);

    const min = ok(await run(['test', 'create', '-g', dg.id, '-q', '-z', 'minimal'], dir));
    expect(min.startsWith('Test Configuration: \n  Test files:       *.test.nut,tests/**/*.test.nut\n')).toBe(true);
    expect(min).not.toMatch(/successfully|IMPT COMMAND/);
    const json = JSON.parse(ok(await run(['test', 'create', '--dg', dg.id, '--confirmed', '-z', 'json'], dir)));
    expect(json['Test Configuration']).toMatchObject({
      'Test files': ['*.test.nut', 'tests/**/*.test.nut'],
      'Stop on failure': false,
      Timeout: 30,
      'Allow disconnect': false,
      'Builder cache': false,
      'Device Group': { id: dg.id, type: 'development', name: dg.attributes.name, Product: { id: product.id } },
    });
    expect(Object.keys(json['Test Configuration'])).toEqual(['Test files', 'Stop on failure', 'Timeout', 'Allow disconnect', 'Builder cache', 'Device Group']);
  });

  it('applies every option in the documented key order', async () => {
    const { dg } = await group();
    const dir = tempDir();
    write(dir, 'src/dev.nut');
    write(dir, 'agent.nut');
    write(dir, 'vars.json', '{"A": 1}');
    const out = ok(await run(
      ['test', 'create', '-g', dg.id, '-x', 'src/dev.nut', '-y', 'agent.nut', '-t', '10', '-s', '-a', 'false', '-e', 'true',
        '-f', 'a.test.nut', '-f', 'b/*.test.nut', '-i', 'gh.json', '-j', 'vars.json'],
      dir,
    ));
    expect(out.startsWith('GitHub credentials Configuration File gh.json is not found.\nTest Configuration is created successfully.\n')).toBe(true);
    expect(out).toContain(
      [
        'Test Configuration: ',
        '  Test files:       a.test.nut, b/*.test.nut',
        '  Device file:      src/dev.nut',
        '  Agent file:       agent.nut',
        '  Stop on failure:  true',
        '  Timeout:          10',
        '  Allow disconnect: false',
        '  Builder cache:    true',
        '  Github config:    gh.json',
        '  Builder config:   vars.json',
        '  Device Group: ',
      ].join('\n'),
    );
    expect(read(dir)).toBe(
      `{\n  "deviceGroupId": "${dg.id}",\n  "timeout": 10,\n  "stopOnFail": true,\n  "allowDisconnect": false,\n  "builderCache": true,\n` +
        '  "testFiles": [\n    "a.test.nut",\n    "b/*.test.nut"\n  ],\n  "deviceFile": "src/dev.nut",\n  "agentFile": "agent.nut",\n' +
        '  "githubConfig": "gh.json",\n  "builderConfig": "vars.json"\n}',
    );
    const missingBuilder = ok(await run(['test', 'create', '-g', dg.id, '-j', 'none.json', '-q'], dir));
    expect(missingBuilder.startsWith('Builder Configuration File none.json is not found.\n')).toBe(true);
  });

  it('fails on missing source files (after removing the cache), unknown groups and bad options', async () => {
    const { dg } = await group();
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, '.builder-cache'));
    const out = fails(await run(['test', 'create', '-g', dg.id, '-x', 'nope.nut'], dir), 'Device file "nope.nut" is not found.');
    expect(out.startsWith('Builder cache .builder-cache directory is deleted successfully.\n')).toBe(true);
    expect(has(dir, '.impt.test') || has(dir, '.builder-cache')).toBe(false);
    fails(await run(['test', 'create', '-g', dg.id, '-y', 'nope.nut'], dir), 'Agent file "nope.nut" is not found.');
    const json = await run(['test', 'create', '-g', 'no-such-dg', '-z', 'json'], dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ Error: 'Device Group "no-such-dg" is not found.' });
    expect(has(dir, '.impt.test')).toBe(false);

    usageFails(await run(['test', 'create'], dir), 'Missing required argument: dg');
    usageFails(await run(['test', 'create', '-g', 'x', '-t', 'abc'], dir), 'Option "--timeout" must be a number.');
    usageFails(await run(['test', 'create', '-g', 'x', '-t', '0'], dir), 'Option "--timeout" must have a positive integer value.');
    usageFails(await run(['test', 'create', '-g', 'x', '-t', '1.5'], dir), 'Option "--timeout" must have a positive integer value.');
    // the number check comes after extra words and the other options' checks (README §1.4)
    usageFails(await run(['test', 'create', '-g', 'x', '-t', 'abc', 'extra'], dir), 'Unknown arguments: extra.');
    usageFails(await run(['test', 'create', '-g', '', '-t', 'abc'], dir), 'Option "--dg" must not be empty.');
    usageFails(await run(['test', 'create', '-g', 'x', '-s', 'maybe'], dir), 'Unknown arguments: maybe.');
    usageFails(await run(['test', 'create', '-g', 'x', '-i', ''], dir), 'Option "--github-config" must not be empty.');
    usageFails(await run(['test', 'create', '-g', 'x', '-q', 'false'], dir), 'Option "--confirmed" has incorrect value "false".');
  });

  it('asks before overwriting an existing configuration', async () => {
    const { dg } = await group();
    const dir = tempDir();
    write(dir, '.impt.test', '{"deviceGroupId": "old"}');
    fails(await run(['test', 'create', '-g', dg.id], dir), CONFIRM);
    expect(read(dir)).toBe('{"deviceGroupId": "old"}');
    const no = await imptTty(['test', 'create', '-g', dg.id], { cwd: dir, home: env.home, answers: ['n'] });
    expect(no.code).toBe(1);
    expect(no.text).toContain('The current directory already contains Test Configuration File. It will be overwritten.\nAre you sure you want to continue?\n');
    expect(no.text).toMatch(/Operation is canceled\.\nIMPT COMMAND FAILS\n$/);
    expect(read(dir)).toBe('{"deviceGroupId": "old"}');
    // the question comes before the login is looked at
    const noLogin = await imptTty(['test', 'create', '-g', dg.id], { cwd: dir, home: tempDir(), answers: ['n'] });
    expect(noLogin.code).toBe(1);
    expect(noLogin.text).toContain('The current directory already contains Test Configuration File. It will be overwritten.\n');
    expect(noLogin.text).toMatch(/Operation is canceled\.\nIMPT COMMAND FAILS\n$/);
    const yes = await imptTty(['test', 'create', '-g', dg.id], { cwd: dir, home: env.home, answers: ['y'] });
    expect(yes.code, yes.text).toBe(0);
    expect(read(dir)).toBe(DEFAULT_FILE(dg.id));
  });
});

const CONFIG_ERRORS = async (cmd: string[]) => {
  const dir = tempDir();
  fails(await run(cmd, dir), 'Test Configuration File is not found in the current directory.');
  write(dir, '.impt.test', '[1,');
  fails(await run(cmd, dir), 'Test Configuration File is corrupted.');
  write(dir, '.impt.test', '{"timeout": 30}');
  fails(await run(cmd, dir), 'Test Configuration File is corrupted.');
  const { dg } = await group();
  await env.api.del(`/devicegroups/${dg.id}`);
  write(dir, '.impt.test', DEFAULT_FILE(dg.id));
  const out = fails(await run(cmd, dir), `Device Group "${dg.id}", saved in Test Configuration File, does not exist anymore.`);
  expect(out).toContain(
    'does not exist anymore.\nImpossible to execute the command.\nUse "impt test delete" command to delete the outdated Test Configuration.\nIMPT COMMAND FAILS\n',
  );
  const min = await run([...cmd, '-z', 'minimal'], dir);
  expect(min.stdout).toBe(`Error: Device Group "${dg.id}", saved in Test Configuration File, does not exist anymore.\n`);
  expect(read(dir)).toBe(DEFAULT_FILE(dg.id));
  return dir;
};

describe('test info', () => {
  it('shows webhooks, at most five devices in text, the owner of a foreign group', async () => {
    const { dg } = await group();
    const dir = tempDir();
    write(dir, '.impt.test', JSON.stringify({ deviceGroupId: dg.id, deviceFile: 'd.nut', testFiles: ['x.test.nut'], githubConfig: 'g.json' }));
    const hook = await env.api.post('/webhooks', {
      data: { type: 'webhook', attributes: { url: 'https://example.com/t', event: 'deployment', content_type: 'application/json' }, relationships: { devicegroup: { type: dg.type, id: dg.id } } },
    });
    await env.assign(dg.id, dev(2), dev(3), dev(4), dev(5), dev(6), dev(7), dev(8));
    const out = ok(await run(['test', 'info'], dir));
    expect(out.startsWith('Test Configuration: \n  Test files:    x.test.nut\n  Device file:   d.nut\n  Github config: g.json\n  Device Group: \n')).toBe(true);
    expect(out).toContain(`    Webhooks: \n      Webhook: \n        id:    ${hook.body.data.id}\n        event: deployment\n        url:   https://example.com/t\n    Devices: \n`);
    expect(out.match(/      Device: \n/g)).toHaveLength(5);
    expect(out).toContain('      ... 2 more Device(s)\nIMPT COMMAND SUCCEEDS\n');
    const min = ok(await run(['test', 'info', '-z', 'minimal'], dir));
    expect(min).toBe(out.replace('IMPT COMMAND SUCCEEDS\n', ''));
    const json = JSON.parse(ok(await run(['test', 'info', '-z', 'json'], dir)));
    expect(json['Test Configuration']['Test files']).toEqual(['x.test.nut']);
    expect(json['Test Configuration']['Device Group'].Devices).toHaveLength(7);

    const bobProduct = await env.bob.createProduct(uniq('BobT'));
    const bobDg = await env.bob.createDg(bobProduct.id, 'development_devicegroup', uniq('bobtg'));
    write(dir, '.impt.test', JSON.stringify({ deviceGroupId: bobDg.id }));
    const foreign = ok(await run(['test', 'info'], dir));
    expect(foreign).toMatch(/    Owner: \n      id: +\S+\n      email: +bob@example.com\n      username: bob\n/);
    expect(foreign.startsWith('Test Configuration: \n  Device Group: \n')).toBe(true);
  });

  it('fails without a valid configuration or with a deleted Device Group', async () => {
    await CONFIG_ERRORS(['test', 'info']);
    usageFails(await run(['test', 'info', 'extra'], tempDir()), 'Unknown arguments: extra.');
  });
});

describe('test update', () => {
  it('keeps the key order, appends new keys, removes emptied ones, replaces test files', async () => {
    const a = await group();
    const b = await group();
    const dir = tempDir();
    write(dir, 'dev.nut');
    ok(await run(['test', 'create', '-g', a.dg.id, '-x', 'dev.nut', '-i', 'gh.json'], dir));
    fs.mkdirSync(path.join(dir, '.builder-cache'));
    const out = ok(await run(['test', 'update', '-g', b.dg.attributes.name, '-x', '', '-t', '5', '-e', 'false', '-f', 'only.test.nut', '-j', 'vars.json'], dir));
    expect(out.split('\n').slice(0, 4)).toEqual([
      'Builder cache .builder-cache directory is deleted successfully.',
      'Builder Configuration File vars.json is not found.',
      'Test Configuration is updated successfully.',
      'Test Configuration: ',
    ]);
    expect(out).toContain(`  Device Group: \n    id:      ${b.dg.id}\n`);
    expect(has(dir, '.builder-cache')).toBe(false);
    expect(read(dir)).toBe(
      `{\n  "deviceGroupId": "${b.dg.id}",\n  "timeout": 5,\n  "stopOnFail": false,\n  "allowDisconnect": false,\n  "builderCache": false,\n` +
        '  "testFiles": [\n    "only.test.nut"\n  ],\n  "githubConfig": "gh.json",\n  "builderConfig": "vars.json"\n}',
    );
    // set again after removal: appended at the end
    const min = ok(await run(['test', 'update', '--device-file=dev.nut', '--github-config', '', '-a', '--stop-on-fail', 'false', '-z', 'minimal'], dir));
    expect(min.startsWith('Test Configuration: \n  Test files:       only.test.nut\n  Device file:      dev.nut\n  Stop on failure:  false\n')).toBe(true);
    expect(min).not.toMatch(/successfully|IMPT COMMAND/);
    expect(Object.keys(JSON.parse(read(dir)))).toEqual(['deviceGroupId', 'timeout', 'stopOnFail', 'allowDisconnect', 'builderCache', 'testFiles', 'builderConfig', 'deviceFile']);
    expect(JSON.parse(read(dir)).allowDisconnect).toBe(true);

    const before = read(dir);
    const json = JSON.parse(ok(await run(['test', 'update', '-z', 'json'], dir)));
    expect(json['Test Configuration']['Device file']).toBe('dev.nut');
    expect(read(dir)).toBe(before);
    fails(await run(['test', 'update', '-y', 'missing.nut'], dir), 'Agent file "missing.nut" is not found.');
    fails(await run(['test', 'update', '-g', 'no-such-dg'], dir), 'Device Group "no-such-dg" is not found.');
    expect(read(dir)).toBe(before);
    usageFails(await run(['test', 'update', '-t', '-3'], dir), 'Option "--timeout" must have a positive integer value.');
    usageFails(await run(['test', 'update', '-q'], dir), 'Unknown argument: q');
  });

  it('fails without a valid configuration or with a deleted Device Group; --dg re-targets an outdated one', async () => {
    const dir = await CONFIG_ERRORS(['test', 'update']);
    const { dg } = await group();
    const out = ok(await run(['test', 'update', '-g', dg.id], dir));
    expect(out).toContain('Test Configuration is updated successfully.');
    expect(JSON.parse(read(dir)).deviceGroupId).toBe(dg.id);
  });
});

describe('test delete', () => {
  it('succeeds without a configuration file', async () => {
    const dir = tempDir();
    expect(ok(await run(['test', 'delete'], dir))).toBe('There is no Test Configuration File in the current directory.\nIMPT COMMAND SUCCEEDS\n');
    expect(ok(await run(['test', 'delete', '-a', '-z', 'minimal'], dir))).toBe('');
    expect(JSON.parse(ok(await run(['test', 'delete', '-z', 'json'], dir)))).toEqual({});
  });

  it('deletes the directories and the configuration; config files with -i/-j only', async () => {
    const { dg } = await group();
    const dir = tempDir();
    write(dir, '.impt.test', JSON.stringify({ deviceGroupId: dg.id, githubConfig: 'gh.json', builderConfig: 'b.json' }));
    write(dir, '.builder-cache/x.nut');
    write(dir, '.build/tests/preprocessed.device.a.nut');
    write(dir, 'gh.json', '{}');
    write(dir, 'b.json', '{}');
    fails(await run(['test', 'delete'], dir), CONFIRM);
    expect(has(dir, '.impt.test')).toBe(true);
    expect(ok(await run(['test', 'delete', '-q', '-i'], dir))).toBe(
      [
        'Builder cache .builder-cache directory is deleted successfully.',
        'Debug mode temporary .build directory is deleted successfully.',
        'GitHub credentials Configuration is deleted successfully.',
        'Test Configuration is deleted successfully.',
        'IMPT COMMAND SUCCEEDS',
        '',
      ].join('\n'),
    );
    expect(fs.readdirSync(dir)).toEqual(['b.json']);
    expect((await env.api.get(`/devicegroups/${dg.id}`)).status).toBe(200);
    write(dir, '.impt.test', JSON.stringify({ deviceGroupId: dg.id, githubConfig: 'gh.json', builderConfig: 'b.json' }));
    expect(ok(await run(['test', 'delete', '-j', '-q', '-z', 'minimal'], dir))).toBe('');
    expect(fs.readdirSync(dir)).toEqual([]);
    write(dir, '.impt.test', '{broken');
    expect(JSON.parse(ok(await run(['test', 'delete', '-a', '-q', '-z', 'json'], dir)))).toEqual({});
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('deletes configuration files only when they are regular files: a directory stops it before anything is deleted', async () => {
    const { dg } = await group();
    const dir = tempDir();
    const tree = tempDir();
    write(tree, 'keep/me.txt', 'precious');
    write(dir, 'b.json', '{}');
    write(dir, '.builder-cache/x.nut');
    write(dir, '.impt.test', JSON.stringify({ deviceGroupId: dg.id, githubConfig: tree, builderConfig: 'b.json' }));
    const refusal = `File error: ${tree}: not a regular file, nothing is deleted.`;
    fails(await run(['test', 'delete', '--github-config', '--builder-config', '-q'], dir), refusal);
    fails(await run(['test', 'delete', '--all', '-q'], dir), refusal);
    const json = await run(['test', 'delete', '-a', '-q', '-z', 'json'], dir);
    expect([json.code, JSON.parse(json.stdout)]).toEqual([1, { Error: refusal }]);
    expect(read(tree, 'keep/me.txt')).toBe('precious');
    expect(fs.readdirSync(dir).sort()).toEqual(['.builder-cache', '.impt.test', 'b.json']);
    expect((await env.api.get(`/devicegroups/${dg.id}`)).status).toBe(200);
    // a link to a file: the link goes, the file stays; a link to a directory is refused
    fs.symlinkSync(path.join(dir, 'b.json'), path.join(tree, 'link.json'));
    fs.symlinkSync(path.join(tree, 'keep'), path.join(dir, 'keep-link'));
    write(dir, '.impt.test', JSON.stringify({ deviceGroupId: dg.id, githubConfig: 'keep-link', builderConfig: path.join(tree, 'link.json') }));
    fails(await run(['test', 'delete', '-i', '-q'], dir), 'File error: keep-link: not a regular file, nothing is deleted.');
    expect(ok(await run(['test', 'delete', '-j', '-q', '-z', 'minimal'], dir))).toBe('');
    expect(fs.readdirSync(tree).sort()).toEqual(['keep']);
    expect(fs.readdirSync(dir).sort()).toEqual(['b.json', 'keep-link']);
    expect(read(tree, 'keep/me.txt')).toBe('precious');

    // .impt.test itself a directory
    write(dir, '.impt.test/inner/file.txt', 'x');
    fails(await run(['test', 'delete', '-a', '-q'], dir), 'File error: .impt.test: not a regular file, nothing is deleted.');
    expect(read(dir, '.impt.test/inner/file.txt')).toBe('x');
    fs.rmSync(tree, { recursive: true });
    fs.rmSync(dir, { recursive: true });
  });

  it('--entities deletes the group (devices unassigned, builds un-flagged and deleted) and a Product with no other group', async () => {
    const { product, dg } = await group();
    await env.assign(dg.id, dev(9));
    const b = await env.api.deploy(dg, { flagged: true });
    const dir = tempDir();
    write(dir, '.impt.test', DEFAULT_FILE(dg.id));
    expect(ok(await run(['test', 'delete', '-e', '-q'], dir))).toBe(
      [
        `Device "${dev(9)}" is unassigned successfully.`,
        `Deployment "${b.id}" is updated successfully.`,
        `Device Group "${dg.id}" is deleted successfully.`,
        `Product "${product.id}" is deleted successfully.`,
        `Deployment "${b.id}" is deleted successfully.`,
        'Test Configuration is deleted successfully.',
        'IMPT COMMAND SUCCEEDS',
        '',
      ].join('\n'),
    );
    expect((await env.api.get(`/products/${product.id}`)).status).toBe(404);

    const two = await group();
    await env.api.createDg(two.product.id, 'development_devicegroup', uniq('second'));
    write(dir, '.impt.test', DEFAULT_FILE(two.dg.id));
    const out = ok(await run(['test', 'delete', '--all', '--confirmed'], dir));
    expect(out).toBe(`Device Group "${two.dg.id}" is deleted successfully.\nTest Configuration is deleted successfully.\nIMPT COMMAND SUCCEEDS\n`);
    expect((await env.api.get(`/products/${two.product.id}`)).status).toBe(200);
  });

  it('prints the plan with local files and asks', async () => {
    const { product, dg } = await group();
    const dir = tempDir();
    write(dir, '.impt.test', JSON.stringify({ deviceGroupId: dg.id, githubConfig: 'gh.json', builderConfig: 'b.json' }));
    write(dir, '.builder-cache/x');
    write(dir, 'b.json', '{}');
    const no = await imptTty(['test', 'delete', '-a'], { cwd: dir, home: env.home, answers: ['n'] });
    expect(no.code).toBe(1);
    expect(no.text).toContain(
      [
        ...plannedProductAndGroup(product, dg),
        '',
        'Builder cache .builder-cache directory will be deleted.',
        'GitHub credentials Configuration File gh.json is not found.',
        'Builder Configuration File b.json will be deleted.',
        'Test Configuration File in the current directory will be deleted.',
        'Are you sure you want to continue?',
      ].join('\n'),
    );
    expect(no.text).toMatch(/Operation is canceled\.\nIMPT COMMAND FAILS\n$/);
    expect(fs.readdirSync(dir).sort()).toEqual(['.builder-cache', '.impt.test', 'b.json']);
    const yes = await imptTty(['test', 'delete', '-j'], { cwd: dir, home: env.home, answers: ['y'] });
    expect(yes.code, yes.text).toBe(0);
    expect(yes.text).toContain('Builder Configuration is deleted successfully.\nTest Configuration is deleted successfully.\nIMPT COMMAND SUCCEEDS');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('test github', () => {
  it('creates and updates the credentials file without touching the configuration', async () => {
    const dir = tempDir();
    write(dir, '.impt.test', '{"deviceGroupId": "x"}');
    expect(ok(await run(['test', 'github', '-i', 'gh.json', '-u', 'octo', '-w', 'tok1'], dir))).toBe(
      'GitHub credentials Configuration is created successfully.\nIMPT COMMAND SUCCEEDS\n',
    );
    expect(read(dir, 'gh.json')).toBe('{\n  "githubUser": "octo",\n  "githubToken": "tok1"\n}');
    fails(await run(['test', 'github', '-i', 'gh.json', '-u', 'octo', '-w', 'tok2'], dir), CONFIRM);
    expect(read(dir, 'gh.json')).toContain('tok1');
    expect(ok(await run(['test', 'github', '--github-config', 'gh.json', '--user', 'cat', '--pwd', '', '-q'], dir))).toBe(
      'GitHub credentials Configuration is updated successfully.\nIMPT COMMAND SUCCEEDS\n',
    );
    expect(read(dir, 'gh.json')).toBe('{\n  "githubUser": "cat",\n  "githubToken": ""\n}');
    expect(ok(await run(['test', 'github', '-i', 'sub.json', '-u', 'u', '-w', 'p', '-z', 'minimal'], dir))).toBe('');
    expect(JSON.parse(ok(await run(['test', 'github', '-i', 'sub.json', '-u', 'u', '-w', 'p', '-q', '-z', 'json'], dir)))).toEqual({});
    expect(read(dir)).toBe('{"deviceGroupId": "x"}');
  });

  it('prompts for the username and the hidden token on a terminal, and needs them otherwise', async () => {
    const dir = tempDir();
    const r = await imptTty(['test', 'github', '-i', 'gh.json'], { cwd: dir, home: env.home, answers: ['octo', 's3cret'], prompts: ['Enter GitHub username:', 'Enter GitHub password or personal access token:'] });
    expect(r.code, r.text).toBe(0);
    expect(r.text).toContain('Enter GitHub password or personal access token:');
    expect(r.text).not.toContain('s3cret');
    expect(JSON.parse(read(dir, 'gh.json'))).toEqual({ githubUser: 'octo', githubToken: 's3cret' });

    fails(await run(['test', 'github', '-i', 'new.json'], dir), 'GitHub username is required; pass --user in non-interactive use.');
    fails(await run(['test', 'github', '-i', 'new.json', '-u', 'x'], dir), 'GitHub password or personal access token is required; pass --pwd in non-interactive use.');
    expect(has(dir, 'new.json')).toBe(false);
    usageFails(await run(['test', 'github', '-i', 'new.json', '-w', 'x'], dir), 'Options "--pwd" and "--user" must be specified together.');
    // an empty --pwd does not call for --user: the username is asked for instead
    fails(await run(['test', 'github', '-i', 'new.json', '-w', ''], dir), 'GitHub username is required; pass --user in non-interactive use.');
    usageFails(await run(['test', 'github'], dir), 'Missing required argument: github-config');
    usageFails(await run(['test', 'github', '-i', 'a', '-u', ''], dir), 'Option "--user" must not be empty.');
  });
});

describe('test run', () => {
  it('needs a test configuration, and keeps the options of impt 2.6.1', async () => {
    const dir = tempDir();
    const r = await run(['test', 'run', '--tests', 'a:B::c', '-e'], dir);
    fails(r, 'Test Configuration File is not found in the current directory.');
    expect(r.stdout.endsWith('IMPT COMMAND FAILS\n')).toBe(true);
    const json = await run(['test', 'run', '-z', 'json'], dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ Error: 'Test Configuration File is not found in the current directory.' });
    const help = ok(await run(['test', 'run', '--help'], dir));
    expect(help).toContain('Usage: impt test run [--tests <test_pattern>] [--clear-cache] [--output <mode>]\n[--help]');
    expect(help).toMatch(/--tests, -t +Selects the tests to run:/);
    expect(help).toMatch(/--clear-cache, -e +Deletes the Builder cache/);
    usageFails(await run(['test', 'run', '-e', 'false'], dir), 'Option "--clear-cache" has incorrect value "false".');
  });
});
