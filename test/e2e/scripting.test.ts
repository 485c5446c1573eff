// impt as shell scripts and CI jobs use it: machine-readable output, exit
// codes, IMPT_* logins, no prompts without a terminal, secrets kept out of
// output and files (interface/README.md §3–4, §10–11; DIFFERENCES F1, F6).
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { impt, tempDir, writeAuthFileFor } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';

const SEED = {
  accounts: [
    {
      username: 'ci',
      email: 'ci@example.com',
      password: 'Pw-S3cret-ci',
      unbond_key: 'Unbond-S3cret',
      login_keys: [{ id: 'c1c1c1c1c1c1c1c1', description: 'ci key' }],
    },
  ],
  devices: [{ id: '30000c2a690c7a01', owner: 'ci', name: 'ci-imp', mac_address: '0c:2a:69:0c:7a:01', agent_id: 'CiAgent01', device_online: true }],
};

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ seed: SEED, inMemory: true });
});
afterAll(async () => {
  await emu.stop();
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('auth file mode (DIFFERENCES F6)', () => {
  // Shells started from snap-packaged terminals and editors inherit SNAP.
  // Spawned: SNAP reaches conf through process.env only, never through the io's env.
  const SNAP = { SNAP: '/snap/code/123' };

  it('a refreshed token is written back atomically with mode 0600, even with SNAP set', async () => {
    const dir = tempDir();
    await writeAuthFileFor(dir, emu.url, 'ci', 'Pw-S3cret-ci');
    const path = join(dir, '.impt.auth');
    const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    writeFileSync(path, JSON.stringify({ ...data, expiresAt: '2000-01-01T00:00:00.000Z' }, null, 2));
    chmodSync(path, 0o644);
    const r = await impt(['account', 'info', '-z', 'json'], { home: tempDir(), cwd: tempDir(), env: { IMPT_AUTH_FILE_PATH: dir, ...SNAP } });
    expect(r.code).toBe(0);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    expect(saved.expiresAt).not.toBe('2000-01-01T00:00:00.000Z');
    expect(mode(path)).toBe(0o600);
  });

  it('auth login over an existing world-readable file leaves it 0600, even with SNAP set', async () => {
    const home = tempDir();
    const path = join(home, '.impt.auth');
    writeFileSync(path, '{}');
    chmodSync(path, 0o644);
    const r = await impt(['auth', 'login', '-e', emu.url, '-k', 'c1c1c1c1c1c1c1c1', '-q', '-z', 'json'], { home, cwd: tempDir(), env: SNAP });
    expect(r).toMatchObject({ code: 0, stdout: '{}\n' });
    expect(mode(path)).toBe(0o600);
  });
});

describe('GitHub credentials file (test github)', () => {
  it('is created readable by its owner only and holds the token', async () => {
    const cwd = tempDir();
    const r = await runImpt(['test', 'github', '-i', 'gh.json', '-u', 'octo', '-w', 'ghp_S3cretToken', '-z', 'json'], { home: tempDir(), cwd });
    expect(r).toMatchObject({ code: 0, stdout: '{}\n' });
    expect(r.stdout + r.stderr).not.toContain('ghp_S3cretToken');
    const path = join(cwd, 'gh.json');
    expect(mode(path)).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ githubUser: 'octo', githubToken: 'ghp_S3cretToken' });
  });

  it('an existing world-readable file becomes 0600 when overwritten', async () => {
    const cwd = tempDir();
    const path = join(cwd, 'gh.json');
    writeFileSync(path, '{"githubUser": "old", "githubToken": "old"}');
    chmodSync(path, 0o644);
    const r = await runImpt(['test', 'github', '-i', 'gh.json', '-u', 'octo', '-w', 'ghp_N3w', '-q', '-z', 'minimal'], { home: tempDir(), cwd });
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(mode(path)).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ githubUser: 'octo', githubToken: 'ghp_N3w' });
  });
});

/** stdout of a `-z json` run must be exactly one pretty-printed JSON document */
function oneDocument(stdout: string): any {
  const doc = JSON.parse(stdout);
  expect(stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  return doc;
}

describe('a CI job logged in by environment variables', () => {
  const SECRETS = ['Pw-S3cret-ci', 'Unbond-S3cret'];

  it('every step prints one JSON document (or the documented minimal text), exits 0, shows no secret and writes nothing', async () => {
    const home = tempDir();
    const cwd = tempDir();
    writeFileSync(join(cwd, 'device.nut'), 'server.log(1);');
    const env = { IMPT_USER: 'ci', IMPT_PASSWORD: 'Pw-S3cret-ci', IMPT_ENDPOINT: emu.url };
    const run = (...args: string[]) => runImpt(args, { home, cwd, env });
    const json = async (...args: string[]) => {
      const r = await run(...args, '-z', 'json');
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 0, stderr: '' });
      for (const s of SECRETS) expect(r.stdout).not.toContain(s);
      return oneDocument(r.stdout);
    };
    const minimal = async (expected: string | RegExp, ...args: string[]) => {
      const r = await run(...args, '-z', 'minimal');
      expect({ args, code: r.code }).toEqual({ args, code: 0 });
      if (typeof expected === 'string') expect(r.stdout).toBe(expected);
      else expect(r.stdout).toMatch(expected);
      expect(r.stdout).not.toContain('IMPT COMMAND');
      for (const s of SECRETS) expect(r.stdout).not.toContain(s);
    };

    expect((await json('auth', 'info')).Auth).toMatchObject({ 'Auth type': 'Environment variables', 'Login method': 'User/Password', Username: 'ci' });
    const product = (await json('product', 'create', '-n', 'CiProduct')).Product;
    expect(Object.keys(product)).toEqual(['id', 'name']);
    const dg = (await json('dg', 'create', '-n', 'CiDG', '-p', product.id))['Device Group'];
    expect(dg).toMatchObject({ type: 'development', name: 'CiDG' });
    await minimal(/^Device Group: \n  id:   \S+\n  type: development\n  name: CiDG2\n$/, 'dg', 'create', '-n', 'CiDG2', '-p', 'CiProduct');
    const build = (await json('build', 'deploy', '-g', 'CiDG', '-x', 'device.nut', '-t', 'ci-1')).Deployment;
    expect(build.tags).toEqual(['ci-1']);
    expect(await json('device', 'assign', '-d', 'ci-imp', '-g', 'CiDG')).toEqual({});
    expect((await json('device', 'info', '-d', 'ci-imp')).Device['Device Group'].id).toBe(dg.id);
    expect(await json('dg', 'restart', '-g', 'CiDG')).toEqual({});
    await minimal('', 'dg', 'reassign', '--from', 'CiDG', '--to', 'CiDG2');
    expect(await json('dg', 'unassign', '-g', 'CiDG2', '--unbond', 'Unbond-S3cret')).toEqual({});
    const hook = (await json('webhook', 'create', '-g', 'CiDG', '--url', 'http://hook.example/x', '--event', 'deployment', '--mime', 'json')).Webhook;
    expect((await json('webhook', 'list', '-g', 'CiDG')).map((w: any) => w.Webhook.id)).toEqual([hook.id]);
    const key = (await json('loginkey', 'create', '-w', 'Pw-S3cret-ci', '-s', 'tmp'))['Login Key'];
    expect(key).toMatchObject({ description: 'tmp', usages: 0 });
    expect((await json('loginkey', 'list')).map((k: any) => k['Login Key'].id)).toContain(key.id);
    expect(await json('loginkey', 'delete', '-k', key.id, '-w', 'Pw-S3cret-ci', '-q')).toEqual({});
    expect(Array.isArray(await json('log', 'get', '-d', 'ci-imp'))).toBe(true);
    expect((await json('dg', 'builds', '-g', 'CiDG')).map((b: any) => b.Deployment.id)).toEqual([build.id]);
    expect(await json('webhook', 'delete', '-w', hook.id, '-q')).toEqual({});
    await minimal('', 'product', 'delete', '-p', 'CiProduct', '-f', '-b', '-q');
    expect(await json('product', 'list')).toEqual([]);

    expect(readdirSync(home)).toEqual([]);
    expect(readdirSync(cwd)).toEqual(['device.nut']);
  });

  it('a failing step prints one JSON error document and exits 1; minimal prints only the error line', async () => {
    const env = { IMPT_LOGINKEY: 'c1c1c1c1c1c1c1c1', IMPT_ENDPOINT: emu.url };
    const home = tempDir();
    const r = await runImpt(['dg', 'info', '-g', 'NoSuchGroup', '-z', 'json'], { home, cwd: tempDir(), env });
    expect(r.code).toBe(1);
    expect(oneDocument(r.stdout)).toEqual({ Error: 'Device Group "NoSuchGroup" is not found.' });
    const m = await runImpt(['dg', 'info', '-g', 'NoSuchGroup', '-z', 'minimal'], { home, cwd: tempDir(), env });
    expect(m).toMatchObject({ code: 1, stdout: 'Error: Device Group "NoSuchGroup" is not found.\n' });
    expect(readdirSync(home)).toEqual([]);
  });
});
