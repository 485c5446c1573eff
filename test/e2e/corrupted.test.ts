// Related entities that no longer exist (interface/README.md §6.1), made
// with the emulator's DELETE /_emulator/entities route; configuration files
// whose fields have the wrong type (§10.2, §10.3, interface/test.md); and a
// reader that closes the pipe early.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, IMPT_BIN, tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { assign, expectFailure, FAILS, json, useWorld } from './dg-world.js';

const w = useWorld();

const corrupt = async (collection: string, id: string) => {
  const res = await fetch(`${w.emu.origin}/_emulator/entities/${collection}/${id}`, { method: 'DELETE' });
  expect(res.status).toBe(204);
};

describe('corrupted related entities', () => {
  it('labels a missing Product of a Device Group and tells so in text modes only', async () => {
    const p = await w.demo.createProduct(w.name('Gone'), '');
    const name = w.name('Orphan');
    const dg = await w.demo.createDg(p.id, 'development_devicegroup', name);
    await corrupt('products', p.id);
    const line = `Error: Unexpected state. Device Group "${name}" is related to corrupted Product "${p.id}" which does not exist.\n`;
    const text = await w.run(['dg', 'info', '-g', name]);
    expect(text.code).toBe(0);
    expect(text.stdout.startsWith(line)).toBe(true);
    expect(text.stdout).toContain(`  Corrupted Product: \n    id: ${p.id}\n`);
    const minimal = await w.run(['dg', 'info', '-g', dg.id, '-z', 'minimal']);
    expect(minimal.stdout).toContain('Error: Unexpected state.');
    expect(minimal.stdout).toContain('  Corrupted Product: \n');
    const doc = json(await w.run(['dg', 'info', '-g', name, '-z', 'json']));
    expect(doc['Device Group']['Corrupted Product']).toEqual({ id: p.id });
    expect(doc['Device Group'].Product).toBeUndefined();
  });

  it('shows a missing Device Group of a device in lists and fails device info', async () => {
    const p = await w.demo.createProduct(w.name('Lost'), '');
    const dg = await w.demo.createDg(p.id, 'development_devicegroup', w.name('Lost'));
    const [device] = w.devices(1);
    await assign(w.demo, dg.id, [device!]);
    await corrupt('devicegroups', dg.id);
    const list = await w.run(['device', 'list', '-z', 'minimal']);
    expect(list.stdout).toContain(`Error: Unexpected state. Device "${device}" is related to corrupted Device Group "${dg.id}" which does not exist.\n`);
    expect(list.stdout).toContain(`  Corrupted Device Group: \n    id:   ${dg.id}\n    type: unknown\n`);
    const info = await w.run(['device', 'info', '-d', device!]);
    expectFailure(info, `Device Group "${dg.id}" is not found.`);
  });
});

describe('configuration files with a field of the wrong type are corrupted', () => {
  const HINT = (local: boolean) => `Please relogin using "impt auth login${local ? ' --local' : ''}" command and then try again.\n`;
  const demoAuth = () => JSON.parse(fs.readFileSync(path.join(w.home, '.impt.auth'), 'utf8'));
  const writeJson = (dir: string, name: string, data: object) => fs.writeFileSync(path.join(dir, name), JSON.stringify(data, null, 2));
  const noInternals = (stdout: string) => expect(stdout).not.toMatch(/is not a function|argument must be|\[object Object\]/);

  it('auth files, local, global and from IMPT_AUTH_FILE_PATH', async () => {
    const home = tempDir();
    const cwd = tempDir();
    writeJson(cwd, '.impt.auth', { ...demoAuth(), endpoint: 5 });
    const local = await runImpt(['product', 'list'], { home, cwd });
    expect([local.code, local.stdout]).toEqual([1, `Error: Local Auth File is corrupted.\n${HINT(true)}${FAILS}\n`]);
    fs.rmSync(path.join(cwd, '.impt.auth'));
    writeJson(home, '.impt.auth', { ...demoAuth(), refreshToken: { token: 'x' } });
    const global = await runImpt(['dg', 'list', '-z', 'json'], { home, cwd });
    expect([global.code, JSON.parse(global.stdout)]).toEqual([1, { Error: 'Global Auth File is corrupted.' }]);
    const dir = tempDir();
    writeJson(dir, '.impt.auth', { ...demoAuth(), loginKey: 7 });
    const byPath = await runImpt(['account', 'info'], { home, cwd, env: { IMPT_AUTH_FILE_PATH: dir } });
    expect([byPath.code, byPath.stdout]).toEqual([1, `Error: Auth File is corrupted.\n${FAILS}\n`]);
    for (const d of [home, cwd, dir]) fs.rmSync(d, { recursive: true });
  });

  it('auth info with an expiresAt that is no date fails naming the file as corrupted', async () => {
    const home = tempDir();
    const cwd = tempDir();
    for (const refresh of [false, true]) {
      const { refreshToken, ...rest } = demoAuth();
      writeJson(home, '.impt.auth', { ...rest, expiresAt: 'soon', ...(refresh ? { refreshToken } : {}) });
      const r = await runImpt(['auth', 'info'], { home, cwd });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('  Access token auto refresh: false\nError: Global Auth File is corrupted.\n');
      expect(r.stdout.endsWith(`${HINT(false)}${FAILS}\n`)).toBe(true);
      noInternals(r.stdout);
    }
    fs.rmSync(home, { recursive: true });
    fs.rmSync(cwd, { recursive: true });
  });

  it('a Project file with a number or an object as a file name', async () => {
    const p = await w.demo.createProduct(w.name('Typed'), '');
    const dg = await w.demo.createDg(p.id, 'development_devicegroup', w.name('Typed'));
    const number = w.projectDir(null, JSON.stringify({ deviceGroupId: dg.id, deviceFile: 5 }));
    const deploy = await w.run(['build', 'deploy'], number);
    expectFailure(deploy, 'Project File is corrupted.');
    noInternals(deploy.stdout);
    const object = w.projectDir(null, JSON.stringify({ deviceGroupId: dg.id, agentFile: { name: 'agent.nut' } }));
    const info = await w.run(['project', 'info'], object);
    expectFailure(info, 'Project File is corrupted.');
    noInternals(info.stdout);
    expectFailure(await w.run(['dg', 'info'], object), 'Project File is corrupted.');
    const numberId = w.projectDir(null, JSON.stringify({ deviceGroupId: 42 }));
    expectFailure(await w.run(['product', 'info'], numberId), 'Project File is corrupted.');
    for (const d of [number, object, numberId]) fs.rmSync(d, { recursive: true });
  });

  it('a test configuration', async () => {
    const dir = tempDir();
    for (const bad of [{ testFiles: '*.test.nut' }, { timeout: '30' }, { stopOnFail: 'no' }, { githubConfig: ['a'] }]) {
      writeJson(dir, '.impt.test', { deviceGroupId: 'x', ...bad });
      const r = await w.run(['test', 'info'], dir);
      expectFailure(r, 'Test Configuration File is corrupted.');
      noInternals(r.stdout);
    }
    expectFailure(await w.run(['test', 'update', '-t', '5'], dir), 'Test Configuration File is corrupted.');
    fs.rmSync(dir, { recursive: true });
  });
});

describe('closed pipes', () => {
  it('ends quietly when the reader goes away', async () => {
    const home = w.home;
    const child = spawn(process.execPath, [IMPT_BIN, 'device', 'list'], { cwd: tempDir(), env: cleanEnv({ HOME: home }) });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
