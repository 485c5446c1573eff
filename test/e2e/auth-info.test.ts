// `impt auth info` (interface/auth.md) and the context rules every command
// follows (interface/README.md §10): precedence, corrupted/missing files,
// expired tokens, environment variables.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { impt, tempDir, writeAuthFileFor } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';

const SEED = {
  accounts: [
    { username: 'demo', email: 'demo@example.com', password: 'demo', login_keys: [{ id: '0123456789abcdef', description: 'k' }] },
    { username: 'alice', email: 'alice@example.com', password: 'alice', login_keys: [{ id: 'aaaaaaaaaaaaaaaa', description: 'a' }] },
  ],
};
const FAILS = 'IMPT COMMAND FAILS\n';
const SUCCEEDS = 'IMPT COMMAND SUCCEEDS\n';
const DEFAULT_ENDPOINT = 'https://api.electricimp.com/v5';
const HINT_GLOBAL = 'Please relogin using "impt auth login" command and then try again.\n';
const HINT_LOCAL = 'Please relogin using "impt auth login --local" command and then try again.\n';

let emu: EmulatorHandle;
const ids: Record<string, string> = {};
beforeAll(async () => {
  emu = await startEmulator({ seed: SEED, inMemory: true });
  for (const name of ['demo', 'alice']) {
    const login = await fetch(`${emu.url}/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: name, password: name }),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const me = await fetch(`${emu.url}/accounts/me`, { headers: { authorization: `Bearer ${login.access_token}` } });
    ids[name] = ((await me.json()) as { data: { id: string } }).data.id;
  }
});
afterAll(async () => {
  await emu.stop();
});

const place = () => ({ home: tempDir(), cwd: tempDir() });
const account = (name: string) =>
  `  Username:                  ${name}\n  Email:                     ${name}@example.com\n  Account id:                ${ids[name]}\n`;
const head = (type: string, endpoint: string, refresh: boolean, method?: string) =>
  `Auth: \n  Auth type:                 ${type}\n  impCentral API endpoint:   ${endpoint}\n  Access token auto refresh: ${refresh}\n` +
  (method ? `  Login method:              ${method}\n` : '');
const writeFile = (dir: string, data: object) => writeFileSync(join(dir, '.impt.auth'), JSON.stringify(data, null, 2));
const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

describe('auth files', () => {
  it('global file from a user/password login: default, minimal and json', async () => {
    const p = place();
    await writeAuthFileFor(p.home, emu.url);
    const r = await runImpt(['auth', 'info'], p);
    expect(r).toMatchObject({ code: 0, stdout: head('Global Auth file', emu.url, true, 'User/Password') + account('demo') + SUCCEEDS });
    const min = await runImpt(['auth', 'info', '-z', 'minimal'], p);
    expect(min).toMatchObject({ code: 0, stdout: head('Global Auth file', emu.url, true, 'User/Password') + account('demo') });
    const json = await runImpt(['auth', 'info', '-z', 'json'], p);
    expect(JSON.parse(json.stdout)).toEqual({
      Auth: {
        'Auth type': 'Global Auth file',
        'impCentral API endpoint': emu.url,
        'Access token auto refresh': true,
        'Login method': 'User/Password',
        Username: 'demo',
        Email: 'demo@example.com',
        'Account id': ids.demo,
      },
    });
    expect(Object.keys(JSON.parse(json.stdout).Auth)).toEqual([
      'Auth type', 'impCentral API endpoint', 'Access token auto refresh', 'Login method', 'Username', 'Email', 'Account id',
    ]);
  });

  it('debug mode: the same block after request dumps that hide the tokens', async () => {
    const p = place();
    await writeAuthFileFor(p.home, emu.url);
    const token = JSON.parse(readFileSync(join(p.home, '.impt.auth'), 'utf8')).accessToken as string;
    const r = await runImpt(['auth', 'info', '-z', 'debug'], p);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Doing the request with options:');
    expect(r.stdout).toContain('"Authorization": "[hidden]"');
    expect(r.stdout).not.toContain(token);
    expect(r.stdout.endsWith(head('Global Auth file', emu.url, true, 'User/Password') + account('demo') + SUCCEEDS)).toBe(true);
  });

  it('local --temp login: no auto refresh, minutes left instead of the login method', async () => {
    const p = place();
    expect((await runImpt(['auth', 'login', '-l', '-t', '-e', emu.url, '-u', 'alice', '-w', 'alice'], p)).code).toBe(0);
    const r = await runImpt(['auth', 'info', '-z', 'minimal'], p);
    expect(r.stdout).toBe(`${head('Local Auth file', emu.url, false)}  Access token:              expires in 59 minutes\n${account('alice')}`);
    const json = JSON.parse((await runImpt(['auth', 'info', '-z', 'json'], p)).stdout);
    expect(json.Auth['Access token auto refresh']).toBe(false);
    expect(json.Auth['Access token']).toBe('expires in 59 minutes');
    expect(json.Auth['Login method']).toBeUndefined();
  });

  it('login key file: Login method is Login Key', async () => {
    const p = place();
    expect((await runImpt(['auth', 'login', '-l', '-k', 'aaaaaaaaaaaaaaaa', '-e', emu.url], p)).code).toBe(0);
    const r = await runImpt(['auth', 'info'], p);
    expect(r.stdout).toBe(head('Local Auth file', emu.url, true, 'Login Key') + account('alice') + SUCCEEDS);
  });

  it('expired token that cannot be refreshed: a status, not a failure', async () => {
    const p = place();
    writeFile(p.home, { endpoint: emu.url, accessToken: 'x', expiresAt: minutesFromNow(-1) });
    const r = await runImpt(['auth', 'info'], p);
    expect(r).toMatchObject({ code: 0, stdout: `${head('Global Auth file', emu.url, false)}  Access token:              expired\n${SUCCEEDS}` });
    const json = await runImpt(['auth', 'info', '-z', 'json'], p);
    expect(JSON.parse(json.stdout).Auth).toEqual({
      'Auth type': 'Global Auth file',
      'impCentral API endpoint': emu.url,
      'Access token auto refresh': false,
      'Access token': 'expired',
    });
    // any other command fails with the expiry message and the relogin hint
    const other = await runImpt(['account', 'info'], p);
    expect(other).toMatchObject({
      code: 1,
      stdout: `Error: Access token is expired for the Global Auth File. Information required to refresh access token is not saved.\n${HINT_GLOBAL}${FAILS}`,
    });
    const otherJson = await runImpt(['loginkey', 'list', '-z', 'json'], p);
    expect(JSON.parse(otherJson.stdout)).toEqual({
      Error: 'Access token is expired for the Global Auth File. Information required to refresh access token is not saved.',
    });
  });

  it('a file without endpoint uses the default endpoint', async () => {
    const p = place();
    writeFile(p.cwd, { accessToken: 'x', expiresAt: minutesFromNow(-5) });
    const r = await runImpt(['auth', 'info', '-z', 'minimal'], p);
    expect(r.stdout).toBe(`${head('Local Auth file', DEFAULT_ENDPOINT, false)}  Access token:              expired\n`);
  });
});

describe('corrupted and missing files', () => {
  it('corrupted local file: partial object, error, relogin hint (text modes); json: the error only', async () => {
    const p = place();
    writeFileSync(join(p.cwd, '.impt.auth'), '{"accessToken": "x"}');
    const r = await runImpt(['auth', 'info'], p);
    expect(r).toMatchObject({
      code: 1,
      stdout: `${head('Local Auth file', DEFAULT_ENDPOINT, false)}Error: Local Auth File is corrupted.\n${HINT_LOCAL}${FAILS}`,
    });
    const min = await runImpt(['auth', 'info', '-z', 'minimal'], p);
    expect(min).toMatchObject({ code: 1, stdout: 'Error: Local Auth File is corrupted.\n' });
    const json = await runImpt(['auth', 'info', '-z', 'json'], p);
    expect(json).toMatchObject({ code: 1, stdout: '{\n  "Error": "Local Auth File is corrupted."\n}\n' });
    const other = await runImpt(['account', 'list'], p);
    expect(other).toMatchObject({ code: 1, stdout: `Error: Local Auth File is corrupted.\n${HINT_LOCAL}${FAILS}` });
  });

  it('corrupted global file: hint without --local', async () => {
    const p = place();
    writeFileSync(join(p.home, '.impt.auth'), 'not json');
    const r = await runImpt(['auth', 'info'], p);
    expect(r.stdout).toBe(`${head('Global Auth file', DEFAULT_ENDPOINT, false)}Error: Global Auth File is corrupted.\n${HINT_GLOBAL}${FAILS}`);
  });

  it('IMPT_AUTH_FILE_PATH: the file used, missing, corrupted (no hints)', async () => {
    const p = place();
    const dir = join(tempDir(), 'auth dir');
    mkdirSync(dir);
    const env = { IMPT_AUTH_FILE_PATH: dir };
    const missing = await runImpt(['auth', 'info'], { ...p, env });
    expect(missing).toMatchObject({ code: 1, stdout: `${head(`Auth file path: ${dir}`, DEFAULT_ENDPOINT, false)}Error: Auth File is not found.\n${FAILS}` });
    writeFileSync(join(dir, '.impt.auth'), '[]');
    const corrupted = await runImpt(['auth', 'info'], { ...p, env });
    expect(corrupted.stdout).toBe(`${head(`Auth file path: ${dir}`, DEFAULT_ENDPOINT, false)}Error: Auth File is corrupted.\n${FAILS}`);
    await writeAuthFileFor(dir, emu.url, 'alice', 'alice');
    const ok = await runImpt(['auth', 'info'], { ...p, env });
    expect(ok.stdout).toBe(head(`Auth file path: ${dir}`, emu.url, true, 'User/Password') + account('alice') + SUCCEEDS);
  });

  it('nothing at all: not logged in, no partial object', async () => {
    const r = await runImpt(['auth', 'info'], place());
    expect(r).toMatchObject({ code: 1, stdout: `Error: You are not logged in.\n${FAILS}` });
    const json = await runImpt(['auth', 'info', '-z', 'json'], place());
    expect(json).toMatchObject({ code: 1, stdout: '{\n  "Error": "You are not logged in."\n}\n' });
  });
});

describe('environment variables', () => {
  it('IMPT_LOGINKEY with IMPT_ENDPOINT: json as documented', async () => {
    const r = await runImpt(['auth', 'info', '-z', 'json'], { ...place(), env: { IMPT_LOGINKEY: 'aaaaaaaaaaaaaaaa', IMPT_ENDPOINT: emu.url } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      Auth: {
        'Auth type': 'Environment variables',
        'impCentral API endpoint': emu.url,
        'Access token auto refresh': true,
        'Login method': 'Login Key',
        Username: 'alice',
        Email: 'alice@example.com',
        'Account id': ids.alice,
      },
    });
  });

  it('IMPT_USER/IMPT_PASSWORD: User/Password; nothing is written', async () => {
    const p = place();
    const r = await runImpt(['auth', 'info'], { ...p, env: { IMPT_USER: 'demo@example.com', IMPT_PASSWORD: 'demo', IMPT_ENDPOINT: emu.url } });
    expect(r.stdout).toBe(head('Environment variables', emu.url, true, 'User/Password') + account('demo') + SUCCEEDS);
    expect([existsSync(join(p.home, '.impt.auth')), existsSync(join(p.cwd, '.impt.auth'))]).toEqual([false, false]);
  });

  it('login failures print the partial object first', async () => {
    const p = place();
    const bad = await runImpt(['auth', 'info'], { ...p, env: { IMPT_USER: 'demo', IMPT_PASSWORD: 'wrong', IMPT_ENDPOINT: emu.url } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      new RegExp(`^${escape(head('Environment variables', emu.url, true, 'User/Password'))}Error: Invalid Credentials: .+\\n${FAILS}$`),
    );
    const noPwd = await runImpt(['auth', 'info'], { ...p, env: { IMPT_USER: 'demo', IMPT_ENDPOINT: emu.url } });
    expect(noPwd.stdout).toBe(
      `${head('Environment variables', emu.url, true, 'User/Password')}Error: Password is required; set IMPT_PASSWORD in non-interactive use.\n${FAILS}`,
    );
    // an empty IMPT_PASSWORD is not set, like every IMPT_* variable
    const emptyPwd = await runImpt(['auth', 'info'], { ...p, env: { IMPT_USER: 'demo', IMPT_PASSWORD: '', IMPT_ENDPOINT: emu.url } });
    expect(emptyPwd.stdout).toBe(noPwd.stdout);
    const noPwdJson = await runImpt(['account', 'info', '-z', 'json'], { ...p, env: { IMPT_USER: 'demo', IMPT_ENDPOINT: emu.url } });
    expect(JSON.parse(noPwdJson.stdout)).toEqual({ Error: 'Password is required; set IMPT_PASSWORD in non-interactive use.' });
  });

  it('without IMPT_ENDPOINT the default endpoint is shown', async () => {
    // the request goes nowhere: the proxy refuses at once. Spawned: the API
    // client (axios) takes HTTPS_PROXY from process.env, not from the io's env,
    // so in-process the request would leave for the real default endpoint.
    const r = await impt(['auth', 'info'], { ...place(), env: { IMPT_LOGINKEY: 'k', HTTPS_PROXY: 'http://127.0.0.1:1' } });
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith(head('Environment variables', DEFAULT_ENDPOINT, true, 'Login Key'))).toBe(true);
  });
});

describe('precedence: local > IMPT_AUTH_FILE_PATH > IMPT_LOGINKEY > IMPT_USER > global', () => {
  it('each level wins over the ones after it, for auth info and for other commands', async () => {
    const home = tempDir();
    const cwd = tempDir();
    const pathDir = tempDir();
    await writeAuthFileFor(home, emu.url, 'demo', 'demo');
    const user = (env: Record<string, string>) => runImpt(['account', 'info', '-z', 'json'], { home, cwd, env }).then((r) => JSON.parse(r.stdout).Account?.username);
    const type = (env: Record<string, string>) => runImpt(['auth', 'info', '-z', 'json'], { home, cwd, env }).then((r) => JSON.parse(r.stdout).Auth);

    expect(await user({})).toBe('demo');
    const envUser = { IMPT_USER: 'alice', IMPT_PASSWORD: 'alice', IMPT_ENDPOINT: emu.url };
    expect(await user(envUser)).toBe('alice');
    const envBoth = { ...envUser, IMPT_USER: 'demo', IMPT_PASSWORD: 'demo', IMPT_LOGINKEY: 'aaaaaaaaaaaaaaaa' };
    expect(await user(envBoth)).toBe('alice'); // IMPT_LOGINKEY wins over IMPT_USER
    expect((await type(envBoth))['Login method']).toBe('Login Key');
    await writeAuthFileFor(pathDir, emu.url, 'demo', 'demo');
    const withPath = { ...envBoth, IMPT_AUTH_FILE_PATH: pathDir };
    expect(await user(withPath)).toBe('demo');
    expect((await type(withPath))['Auth type']).toBe(`Auth file path: ${pathDir}`);
    await writeAuthFileFor(cwd, emu.url, 'alice', 'alice');
    expect(await user(withPath)).toBe('alice');
    expect((await type(withPath))['Auth type']).toBe('Local Auth file');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
