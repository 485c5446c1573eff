// Output modes and error reporting across command groups (interface/README.md
// §3–§7, DIFFERENCES F2/F3/F8/F9/F10, A1): one scenario of create / info /
// list / update / delete commands of every group run in every mode, plus
// failures (not found, ambiguous, impCentral errors, server faults).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, type ImptResult } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { useWorld } from './dg-world.js';

let twin: string;

const w = useWorld(async () => {
  twin = w.name('twin');
  for (const id of w.devices(2)) {
    const r = await w.demo.patch(`/devices/${id}`, { data: { type: 'device', id, attributes: { name: twin } } });
    expect(r.status).toBe(200);
  }
});

type Mode = 'default' | 'minimal' | 'json' | 'debug';
const MODES: Mode[] = ['default', 'minimal', 'json', 'debug'];
const SUCCEEDS = 'IMPT COMMAND SUCCEEDS\n';
const FAILS = 'IMPT COMMAND FAILS\n';

const withMode = (args: string[], mode: Mode) => (mode === 'default' ? args : [...args, '-z', mode]);

/** Splits json-mode output into its documents (each ends on a line of its own). */
function jsonDocs(stdout: string): unknown[] {
  const docs: unknown[] = [];
  let current = '';
  for (const line of stdout.split('\n').slice(0, -1)) {
    current += `${line}\n`;
    if (!/^[}\]]$|^\{\}$|^\[\]$/.test(line)) continue;
    docs.push(JSON.parse(current));
    current = '';
  }
  expect(current).toBe('');
  expect(stdout.endsWith('\n')).toBe(true);
  return docs;
}

interface Expect {
  /** result object: an entity of this type, a list of it, or none */
  result?: { entity: string; first?: string } | { list: string };
  /** the info line of default/debug mode */
  info?: string;
}

/** The conventions of README §3/§5/§6 for a successful command in `mode`. */
function expectSuccess(r: ImptResult, mode: Mode, e: Expect, label: string): void {
  expect(r.code, `${label}\n${r.stdout}`).toBe(0);
  expect(r.stderr, label).toBe('');
  const entity = e.result && 'entity' in e.result ? e.result.entity : undefined;
  const list = e.result && 'list' in e.result ? e.result.list : undefined;
  const first = e.result && 'first' in e.result ? e.result.first : 'id';
  switch (mode) {
    case 'default':
    case 'debug':
      expect(r.stdout.endsWith(SUCCEEDS), label).toBe(true);
      if (e.info) expect(r.stdout, label).toContain(`${e.info}\n`);
      if (entity) expect(r.stdout, label).toContain(`${entity}: \n  ${first}: `);
      if (list) expect(r.stdout, label).toMatch(new RegExp(`(^|\\n)(${list} list \\(\\d+ items\\):\\n${list}: \\n  id: |No ${list}s are found\\.\\n)`));
      if (mode === 'debug') expect(r.stdout, label).toContain('Doing the request with options:\n{\n');
      else expect(r.stdout, label).not.toContain('Doing the request with options:');
      break;
    case 'minimal':
      expect(r.stdout, label).not.toContain('IMPT COMMAND');
      if (e.info) expect(r.stdout, label).not.toContain(e.info);
      if (entity) expect(r.stdout.startsWith(`${entity}: \n  ${first}: `), `${label}\n${r.stdout}`).toBe(true);
      if (list) expect(r.stdout === '' || r.stdout.startsWith(`${list}: \n  id: `), `${label}\n${r.stdout}`).toBe(true);
      if (!e.result) expect(r.stdout, label).toBe('');
      break;
    case 'json': {
      const docs = jsonDocs(r.stdout);
      expect(docs.length, label).toBe(1);
      const doc = docs[0] as Record<string, unknown>;
      if (entity) expect(Object.keys(doc), label).toEqual([entity]);
      if (list) {
        expect(Array.isArray(doc), label).toBe(true);
        for (const item of doc as unknown as Array<Record<string, unknown>>) expect(Object.keys(item), label).toEqual([list]);
      }
      if (!e.result) expect(r.stdout, label).toBe('{}\n');
      break;
    }
  }
}

/** One failure in `mode`: the Error line (or json document), and the status line where shown. */
function expectFailure(r: ImptResult, mode: Mode, message: string, label: string): void {
  expect(r.code, `${label}\n${r.stdout}`).toBe(1);
  expect(r.stderr, label).toBe('');
  switch (mode) {
    case 'default':
      expect(r.stdout, label).toBe(`Error: ${message}\n${FAILS}`);
      break;
    case 'debug':
      expect(r.stdout.endsWith(`\nError: ${message}\n${FAILS}`), `${label}\n${r.stdout}`).toBe(true);
      break;
    case 'minimal':
      expect(r.stdout, label).toBe(`Error: ${message}\n`);
      break;
    case 'json':
      expect(jsonDocs(r.stdout), label).toEqual([{ Error: message }]);
      break;
  }
}

function codeDir(): string {
  const dir = tempDir('impt-modes-');
  fs.writeFileSync(path.join(dir, 'device.nut'), 'server.log("device");');
  fs.writeFileSync(path.join(dir, 'agent.nut'), 'server.log("agent");');
  return dir;
}

describe.concurrent('every group in every mode', () => {
  it.each(MODES)('create, info, list, update and delete in %s mode', async (mode) => {
    const cwd = codeDir();
    const run = async (args: string[], e: Expect) => {
      const r = await runImpt(withMode(args, mode), { home: w.home, cwd });
      expectSuccess(r, mode, e, args.join(' '));
      return r;
    };
    const P = w.name(`Modes-${mode}`);
    const G = w.name(`ModesDG-${mode}`);
    const T = w.name(`tag-${mode}`);
    const [device] = w.devices(1);

    await run(['product', 'create', '-n', P, '-s', 'd'], { result: { entity: 'Product' }, info: `Product "${P}" is created successfully.` });
    await run(['product', 'info', '-p', P], { result: { entity: 'Product' } });
    await run(['product', 'list'], { result: { list: 'Product' } });
    await run(['product', 'update', '-p', P, '-s', 'd2'], { info: `Product "${P}" is updated successfully.` });

    await run(['dg', 'create', '-n', G, '-p', P], { result: { entity: 'Device Group' }, info: `Device Group "${G}" is created successfully.` });
    await run(['dg', 'info', '-g', G], { result: { entity: 'Device Group' } });
    await run(['dg', 'list', '-p', P], { result: { list: 'Device Group' } });
    await run(['dg', 'update', '-g', G, '-s', 'x'], { info: `Device Group "${G}" is updated successfully.` });

    await run(['build', 'deploy', '-g', G, '-x', 'device.nut', '-y', 'agent.nut', '-t', T], { result: { entity: 'Deployment' } });
    await run(['build', 'info', '-b', T], { result: { entity: 'Deployment' } });
    await run(['build', 'list', '-g', G], { result: { list: 'Deployment' } });
    await run(['build', 'update', '-b', T, '-s', 'nd'], { info: `Deployment "${T}" is updated successfully.` });

    await run(['device', 'update', '-d', device!, '-n', `${P}-dev`], { info: `Device "${device}" is updated successfully.` });
    await run(['device', 'assign', '-d', device!, '-g', G, '-q'], { info: `Device "${device}" is assigned successfully to Device Group "${G}".` });
    await run(['device', 'info', '-d', device!], { result: { entity: 'Device' } });
    await run(['device', 'list', '-g', G], { result: { list: 'Device' } });
    await run(['device', 'unassign', '-d', device!], { info: `Device "${device}" is unassigned successfully.` });

    await run(['webhook', 'create', '-g', G, '--url', 'http://example.com/h', '-e', 'deployment', '-m', 'json'], { result: { entity: 'Webhook' } });
    const hooks = JSON.parse((await runImpt(['webhook', 'list', '-g', G, '-z', 'json'], { home: w.home, cwd })).stdout);
    const wh = hooks[0].Webhook.id as string;
    await run(['webhook', 'info', '-w', wh], { result: { entity: 'Webhook' } });
    await run(['webhook', 'list', '-g', G], { result: { list: 'Webhook' } });
    await run(['webhook', 'update', '-w', wh, '--url', 'http://example.com/h2'], { info: `Webhook "${wh}" is updated successfully.` });
    await run(['webhook', 'delete', '-w', wh, '-q'], { info: `Webhook "${wh}" is deleted successfully.` });

    await run(['loginkey', 'create', '--pwd', 'demo', '-s', P], { result: { entity: 'Login Key' } });
    const keys = JSON.parse((await runImpt(['loginkey', 'list', '-z', 'json'], { home: w.home, cwd })).stdout);
    const lk = keys.find((k: any) => k['Login Key'].description === P)['Login Key'].id as string;
    await run(['loginkey', 'info', '--lk', lk], { result: { entity: 'Login Key' } });
    await run(['loginkey', 'list'], { result: { list: 'Login Key' } });
    await run(['loginkey', 'update', '--lk', lk, '--pwd', 'demo', '-s', `${P}-2`], { info: `Login Key "${lk}" is updated successfully.` });
    await run(['loginkey', 'delete', '--lk', lk, '--pwd', 'demo', '-q'], { info: `Login Key "${lk}" is deleted successfully.` });

    await run(['account', 'info'], { result: { entity: 'Account' } });
    await run(['account', 'list'], { result: { list: 'Account' } });
    await run(['auth', 'info'], { result: { entity: 'Auth', first: 'Auth type' } });

    await run(['dg', 'delete', '-g', G, '-q'], { info: `Device Group "${G}" is deleted successfully.` });
    await run(['product', 'delete', '-p', P, '-q'], { info: `Product "${P}" is deleted successfully.` });
  });

  it.each(MODES)('an empty list in %s mode', async (mode) => {
    const r = await w.run(withMode(['dg', 'list', '-o', w.name('nobody')], mode));
    expectSuccess(r, mode, { result: { list: 'Device Group' } }, 'dg list');
    expect(r.stdout).toBe({ default: `No Device Groups are found.\n${SUCCEEDS}`, minimal: '', json: '[]\n', debug: r.stdout }[mode]);
    if (mode === 'debug') expect(r.stdout.endsWith(`\nNo Device Groups are found.\n${SUCCEEDS}`)).toBe(true);
  });
});

describe.concurrent('failures in every mode', () => {
  it.each(MODES)('not found, in %s mode, for entities of every group', async (mode) => {
    const nope = w.name('nope');
    const cases: Array<[string[], string]> = [
      [['product', 'info', '-p', nope], `Product "${nope}" is not found.`],
      [['dg', 'info', '-g', nope], `Device Group "${nope}" is not found.`],
      [['build', 'info', '-b', nope], `Deployment "${nope}" is not found.`],
      [['device', 'info', '-d', nope], `Device "${nope}" is not found.`],
      [['webhook', 'info', '-w', nope], `Webhook "${nope}" is not found.`],
      [['loginkey', 'info', '--lk', nope], `Login Key "${nope}" is not found.`],
      [['account', 'info', '-u', nope], `Account "${nope}" is not found.`],
    ];
    for (const [args, message] of cases) expectFailure(await w.run(withMode(args, mode)), mode, message, args.join(' '));
  });

  it('an ambiguous identifier: the matches in text modes, the sentence in default/debug only, json the error alone', async () => {
    const message = `Multiple Devices "${twin}" are found:`;
    const outs = Object.fromEntries(await Promise.all(MODES.map(async (m) => [m, await w.run(withMode(['device', 'info', '-d', twin], m))] as const)));
    for (const m of MODES) expect(outs[m]!.code).toBe(1);
    const blocks = /^Error: .*\n((?:Device: \n(?: {2}.*\n)+){2})/.exec(outs.default!.stdout)?.[1];
    expect(blocks).toBeDefined();
    expect(outs.default!.stdout).toBe(`Error: ${message}\n${blocks}Impossible to execute the command.\n${FAILS}`);
    expect(outs.minimal!.stdout).toBe(`Error: ${message}\n${blocks}`);
    expect(outs.debug!.stdout.endsWith(`\nError: ${message}\n${blocks}Impossible to execute the command.\n${FAILS}`)).toBe(true);
    expect(jsonDocs(outs.json!.stdout)).toEqual([{ Error: message }]);
  });

  it('an impCentral error without meta is printed in every mode, json included (F3)', async () => {
    const name = w.name('Dup');
    await w.demo.createProduct(name);
    for (const mode of MODES) {
      const r = await w.run(withMode(['product', 'create', '-n', name], mode));
      expectFailure(r, mode, 'Duplicate Resource: Products must have unique names.', mode);
    }
  });

  it('a server error answered by impCentral is printed in every mode', async () => {
    const p = await w.demo.createProduct(w.name('Faulty'));
    await w.emu.admin('POST', 'faults', { error_rate: 1, statuses: [500], routes: `^/v5/products/${p.id}$` });
    try {
      for (const mode of MODES) {
        const r = await w.run(withMode(['product', 'info', '-p', p.id], mode));
        expectFailure(r, mode, 'Internal Error: Injected fault (impt-emulator).', mode);
        if (mode === 'debug') expect(r.stdout).toContain('\nERROR: HTTP/500: Internal Error: Injected fault (impt-emulator).\n');
      }
    } finally {
      await w.emu.admin('DELETE', 'faults');
    }
  });
});

describe.concurrent('debug mode', () => {
  it('ends like default mode after the dumps', async () => {
    const p = await w.demo.createProduct(w.name('Dbg'), 'x');
    const plain = await w.run(['product', 'info', '-p', p.id]);
    const debug = await w.run(['product', 'info', '-p', p.id, '-z', 'debug']);
    expect(debug.stdout.length).toBeGreaterThan(plain.stdout.length);
    expect(debug.stdout.endsWith(`\n${plain.stdout}`)).toBe(true);
  });

  it('hides the password, the tokens and the login-key password header (F2)', async () => {
    const home = tempDir();
    const r = await runImpt(['auth', 'login', '--endpoint', w.emu.url, '--user', 'demo', '--pwd', 'demo', '-z', 'debug'], { home, cwd: tempDir() });
    expect(r.code).toBe(0);
    const auth = JSON.parse(fs.readFileSync(path.join(home, '.impt.auth'), 'utf8'));
    expect(r.stdout).toContain('"password": "[hidden]"');
    expect(r.stdout).toContain('"access_token": "[hidden]"');
    expect(r.stdout).not.toContain(auth.accessToken);
    expect(r.stdout).not.toContain(auth.refreshToken);
    const lk = await runImpt(['loginkey', 'create', '--pwd', 'demo', '-z', 'debug'], { home, cwd: tempDir() });
    expect(lk.code).toBe(0);
    expect(lk.stdout).toContain('"X-Electricimp-Password": "[hidden]"');
    expect(lk.stdout).toContain('"Authorization": "[hidden]"');
    expect(lk.stdout).not.toContain(auth.accessToken);
    const id = /Login Key: \n {2}id: +(\w+)/.exec(lk.stdout)?.[1];
    expect((await runImpt(['loginkey', 'delete', '--lk', id!, '--pwd', 'demo', '-q', '-z', 'json'], { home, cwd: tempDir() })).stdout).toBe('{}\n');
  });
});

describe.concurrent('colours (F8)', () => {
  it('piped output has none; FORCE_COLOR adds them to keys in default/debug only; FORCE_COLOR=0 keeps them off', async () => {
    const run = (args: string[], env: Record<string, string>) => runImpt(args, { home: w.home, cwd: tempDir(), env });
    const green = '\u001b[32mAccount: \u001b[39m\n  \u001b[32mid: ';
    expect((await run(['account', 'info'], { TERM: 'xterm-256color' })).stdout).not.toContain('\u001b[');
    expect((await run(['account', 'info'], { FORCE_COLOR: '1' })).stdout).toContain(green);
    expect((await run(['account', 'info', '-z', 'debug'], { FORCE_COLOR: '1' })).stdout).toContain(green);
    expect((await run(['account', 'info', '-z', 'minimal'], { FORCE_COLOR: '1' })).stdout).not.toContain('\u001b[');
    expect((await run(['account', 'info', '-z', 'json'], { FORCE_COLOR: '1' })).stdout).not.toContain('\u001b[');
    expect((await run(['account', 'info'], { FORCE_COLOR: '0' })).stdout).not.toContain('\u001b[');
    const err = await run(['product', 'info', '-p', w.name('nope')], { FORCE_COLOR: '1' });
    expect(err.stdout).toMatch(/^Error: Product ".*" is not found\.\nIMPT COMMAND FAILS\n$/);
  });
});

const LISTS = 'impt account list, impt build list, impt device list, impt dg list, impt loginkey list, impt product list, impt webhook list';

describe.concurrent('-z table (A1)', () => {
  it('draws the list commands of every group as a table, after the list header', async () => {
    const p = await w.demo.createProduct(w.name('Tbl'));
    const dg = await w.demo.createDg(p.id, 'development_devicegroup', w.name('TblDG'));
    await w.demo.deploy(dg);
    const key = await w.demo.post('/accounts/me/login_keys', { data: { type: 'login_key', attributes: { description: 'table' } } }, { 'X-Electricimp-Password': 'demo' });
    expect(key.status).toBe(201);
    const cases: Array<[string[], string]> = [
      [['product', 'list'], 'Product'],
      [['dg', 'list', '-p', p.id], 'Device Group'],
      [['device', 'list'], 'Device'],
      [['build', 'list', '-g', dg.id], 'Deployment'],
      [['loginkey', 'list'], 'Login Key'],
      [['account', 'list'], 'Account'],
    ];
    for (const [args, type] of cases) {
      const r = await w.run([...args, '-z', 'table']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(new RegExp(`^${type} list \\(\\d+ items\\):\\n┌─+┬`));
      expect(r.stdout, args.join(' ')).toMatch(/\n│ id +│/);
      expect(r.stdout.endsWith(`┘\n${SUCCEEDS}`), args.join(' ')).toBe(true);
    }
    const empty = await w.run(['webhook', 'list', '-g', dg.id, '-z', 'table']);
    expect(empty.stdout).toBe(`No Webhooks are found.\n${SUCCEEDS}`);
  });

  it('fits a terminal of known width, and is drawn full width when piped', async () => {
    const p = await w.demo.createProduct(w.name('A product whose name is long enough to be wrapped in a narrow table'));
    const args = ['product', 'list', '-z', 'table'];
    const rows = (text: string) => text.split('\n').filter((l) => /^[┌│├└]/.test(l));
    const narrow = await runImpt(args, { home: w.home, tty: true, columns: 60 });
    expect(narrow.code).toBe(0);
    expect(Math.max(...rows(narrow.stdout).map((l) => l.length))).toBeLessThanOrEqual(60);
    const piped = await runImpt(args, { home: w.home, columns: 60 });
    expect(piped.stdout).toContain(`│ ${p.id} │`);
    expect(Math.max(...rows(piped.stdout).map((l) => l.length))).toBeGreaterThan(60);
  });

  it('is refused by commands that are not lists', async () => {
    const r = await w.run(['account', 'info', '-z', 'table']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\nUsage: impt account info /);
    expect(r.stdout.endsWith(`Error: Option "--output" value "table" is accepted by the list commands only: ${LISTS}.\nIMPT COMMAND FAILS\n`)).toBe(true);
  });
});

describe('warnings of successful answers (README §4.1)', () => {
  it('are printed as «title»: «detail» and meta lines in default/debug mode, not at all in minimal/json', async () => {
    const warning = {
      status: '200',
      title: 'Compilation Warning',
      detail: 'There were compilation warnings.',
      meta: [{ file: 'device_code', type: 'warning', row: 1, column: 4, text: 'unused variable' }],
    };
    const G = '5f0c2a4e-1b7d-4c39-9a62-0d8e3f1b2c47';
    const dg = { type: 'development_devicegroup', id: G, attributes: { name: 'G' }, relationships: {} };
    const server = http.createServer((req, res) => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/vnd.api+json' });
        res.end(JSON.stringify(body));
      };
      req.resume();
      if (req.method === 'POST' && req.url === '/v5/auth')
        return send(200, { access_token: 'AT', expires_at: '2099-01-01T00:00:00.000Z', refresh_token: 'RT' });
      if (req.method === 'GET' && req.url === `/v5/devicegroups/${G}`) return send(200, { data: dg });
      if (req.method === 'POST' && req.url === '/v5/deployments')
        return send(201, { data: { type: 'deployment', id: 'b1', attributes: { sha: 'abc' }, relationships: {}, meta: [warning] } });
      send(404, { errors: [{ status: '404', title: 'Resource Not Found', detail: `${req.method} ${req.url}` }] });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v5`;
      const env = { IMPT_ENDPOINT: endpoint, IMPT_USER: 'u', IMPT_PASSWORD: 'p' };
      const cwd = codeDir();
      const lines = 'Compilation Warning: There were compilation warnings.\ndevice_code warning (line 1, column 4): unused variable\n';
      for (const mode of MODES) {
        const r = await runImpt(withMode(['build', 'deploy', '-g', G, '-x', 'device.nut', '-y', 'agent.nut'], mode), { home: tempDir(), cwd, env });
        expect(r.code, r.stdout).toBe(0);
        if (mode === 'default') expect(r.stdout).toBe(`${lines}Deployment "b1" is created successfully.\nDeployment: \n  id:  b1\n  sha: abc\n${SUCCEEDS}`);
        if (mode === 'debug') expect(r.stdout).toContain(`\n${lines}Deployment "b1" is created successfully.\n`);
        if (mode === 'minimal') expect(r.stdout).toBe('Deployment: \n  id:  b1\n  sha: abc\n');
        if (mode === 'json') expect(JSON.parse(r.stdout)).toEqual({ Deployment: { id: 'b1', sha: 'abc' } });
      }
    } finally {
      server.close();
    }
  });
});
