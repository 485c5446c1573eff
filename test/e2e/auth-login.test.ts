// `impt auth login` and `impt auth logout` (interface/auth.md) against the emulator.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { impt, tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';

const SEED = {
  accounts: [
    { username: 'demo', email: 'demo@example.com', password: 'demo', login_keys: [{ id: '0123456789abcdef', description: 'k' }] },
    { username: 'mfa', email: 'mfa@example.com', password: 'mfa', otp: true },
  ],
};
const FAILS = 'IMPT COMMAND FAILS\n';
const SUCCEEDS = 'IMPT COMMAND SUCCEEDS\n';
const HELP_START = '\nUsage: impt auth login [--local]';

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ seed: SEED, inMemory: true });
});
afterAll(async () => {
  await emu.stop();
});

const read = (dir: string) => JSON.parse(readFileSync(join(dir, '.impt.auth'), 'utf8')) as Record<string, string>;
/** a HOME and a working directory of their own */
const place = () => ({ home: tempDir(), cwd: tempDir() });

describe.concurrent('parse-time checks (help, then the error)', () => {
  const cases: Array<[string[], string]> = [
    [['--user', 'demo', '--lk', 'k'], 'Options "--user" and "--lk" are mutually exclusive.'],
    [['--pwd', 'x'], 'Options "--pwd" and "--user" must be specified together.'],
    [['--lk', 'k', '--pwd', 'x'], 'Options "--pwd" and "--user" must be specified together.'],
    [['--user', ''], 'Option "--user" must not be empty.'],
    [['--lk', ''], 'Option "--lk" must not be empty.'],
    [['--endpoint', ''], 'Option "--endpoint" must not be empty.'],
    [['-e', 'a', '-e', 'b'], 'Option "--endpoint" must not be specified multiple times.'],
    [['--local', 'false'], 'Option "--local" has incorrect value "false".'],
    [['--temp', 'false'], 'Option "--temp" has incorrect value "false".'],
    [['--confirmed=false'], 'Option "--confirmed" has incorrect value "false".'],
    [['--user'], 'Not enough arguments following: user'],
    [['-u'], 'Not enough arguments following: u'],
    [['extra'], 'Unknown arguments: extra.'],
    [['-z', 'text'], 'Invalid values:\n  Argument: output, Given: "text", Choices: "minimal", "json", "debug"'],
  ];
  for (const [args, message] of cases) {
    it(`${args.join(' ')} → ${message.split('\n')[0]}`, async () => {
      const p = place();
      const r = await runImpt(['auth', 'login', ...args], p);
      expect(r.code).toBe(1);
      expect(r.stdout.startsWith(HELP_START)).toBe(true);
      expect(r.stdout.endsWith(`\nError: ${message}\n${FAILS}`)).toBe(true);
      expect(existsSync(join(p.home, '.impt.auth'))).toBe(false);
    });
  }

  it('logout refuses --local false and extra words', async () => {
    const r = await runImpt(['auth', 'logout', '-l', 'false'], place());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\nUsage: impt auth logout [\s\S]*\nError: Option "--local" has incorrect value "false".\nIMPT COMMAND FAILS\n$/);
  });
});

describe('login with user and password', () => {
  it('writes the global file (0600, exact format) and prints the success line', async () => {
    const p = place();
    const r = await runImpt(['auth', 'login', '--endpoint', emu.url, '--user', 'demo', '--pwd', 'demo'], p);
    expect(r).toMatchObject({ code: 0, stdout: `Global login is successful.\n${SUCCEEDS}` });
    const path = join(p.home, '.impt.auth');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    const data = read(p.home);
    expect(Object.keys(data)).toEqual(['endpoint', 'accessToken', 'expiresAt', 'refreshToken']);
    expect(text).toBe(JSON.stringify(data, null, 2));
    expect(data.endpoint).toBe(emu.url);
    expect(Date.parse(data.expiresAt)).toBeGreaterThan(Date.now());
    expect(existsSync(join(p.cwd, '.impt.auth'))).toBe(false);
  });

  it('accepts the email, aliases, and prints nothing in minimal / {} in json', async () => {
    const p = place();
    const min = await runImpt(['auth', 'login', '-e', emu.url, '-u', 'demo@example.com', '-w', 'demo', '-l', '-z', 'minimal'], p);
    expect(min).toMatchObject({ code: 0, stdout: '' });
    expect(read(p.cwd).refreshToken).toBeTruthy();
    const json = await runImpt(['auth', 'login', '-e', emu.url, '-u', 'demo', '-w', 'demo', '-q', '-z', 'json'], p);
    expect(json).toMatchObject({ code: 0, stdout: '{}\n' });
    expect(read(p.home).accessToken).toBeTruthy();
  });

  it('--temp keeps no refresh token', async () => {
    const p = place();
    const r = await runImpt(['auth', 'login', '--local', '--temp', '-e', emu.url, '-u', 'demo', '-w', 'demo'], p);
    expect(r).toMatchObject({ code: 0, stdout: `Local login is successful.\n${SUCCEEDS}` });
    expect(Object.keys(read(p.cwd))).toEqual(['endpoint', 'accessToken', 'expiresAt']);
  });

  it('bad credentials: the impCentral error in every mode, no file written', async () => {
    const p = place();
    const args = ['auth', 'login', '-e', emu.url, '-u', 'demo', '-w', 'wrong'];
    const r = await runImpt(args, p);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Error: Invalid Credentials: .+\nIMPT COMMAND FAILS\n$/);
    const json = await runImpt([...args, '-z', 'json'], p);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).Error).toMatch(/^Invalid Credentials: /);
    const min = await runImpt([...args, '-z', 'minimal'], p);
    expect(min.stdout).toMatch(/^Error: Invalid Credentials: .+\n$/);
    expect(existsSync(join(p.home, '.impt.auth'))).toBe(false);
  });

  it('an empty --pwd is sent as the password (and refused by the server)', async () => {
    const r = await runImpt(['auth', 'login', '-e', emu.url, '-u', 'demo', '-w', ''], place());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Error: Invalid Credentials: /);
  });
});

describe('login with a login key', () => {
  it('stores the login key, no refresh token', async () => {
    const p = place();
    const r = await runImpt(['auth', 'login', '--local', '--lk', '0123456789abcdef', '-e', emu.url, '--confirmed'], p);
    expect(r).toMatchObject({ code: 0, stdout: `Local login is successful.\n${SUCCEEDS}` });
    const data = read(p.cwd);
    expect(Object.keys(data)).toEqual(['endpoint', 'accessToken', 'expiresAt', 'loginKey']);
    expect(data.loginKey).toBe('0123456789abcdef');
    const temp = await runImpt(['auth', 'login', '-l', '-k', '0123456789abcdef', '-e', emu.url, '-q', '-t', '-z', 'json'], p);
    expect(temp.stdout).toBe('{}\n');
    expect(Object.keys(read(p.cwd))).toEqual(['endpoint', 'accessToken', 'expiresAt']);
  });

  it('unknown key → Login Key "K" is not found.', async () => {
    const p = place();
    const r = await runImpt(['auth', 'login', '-k', 'ffffffffffffffff', '-e', emu.url], p);
    expect(r).toMatchObject({ code: 1, stdout: `Error: Login Key "ffffffffffffffff" is not found.\n${FAILS}` });
    const json = await runImpt(['auth', 'login', '-k', 'ffffffffffffffff', '-e', emu.url, '-z', 'json'], p);
    expect(json.stdout).toBe('{\n  "Error": "Login Key \\"ffffffffffffffff\\" is not found."\n}\n');
  });
});

describe('existing file', () => {
  it('without a terminal the overwrite confirmation fails at once and the file is kept', async () => {
    const p = place();
    writeFileSync(join(p.home, '.impt.auth'), 'corrupted but kept');
    const r = await runImpt(['auth', 'login', '-e', emu.url, '-u', 'demo', '-w', 'demo'], p);
    expect(r).toMatchObject({
      code: 1,
      stdout: `The Global Auth File already exists. It will be overwritten.\nError: Confirmation is required; run the command with --confirmed (-q) in non-interactive use.\n${FAILS}`,
    });
    expect(readFileSync(join(p.home, '.impt.auth'), 'utf8')).toBe('corrupted but kept');
  });

  it('--confirmed overwrites a corrupted file; a failed login leaves the old file untouched', async () => {
    const p = place();
    writeFileSync(join(p.cwd, '.impt.auth'), '{broken');
    const ok = await runImpt(['auth', 'login', '-l', '-q', '-e', emu.url, '-u', 'demo', '-w', 'demo'], p);
    expect(ok.code).toBe(0);
    const before = readFileSync(join(p.cwd, '.impt.auth'), 'utf8');
    const bad = await runImpt(['auth', 'login', '-l', '-q', '-e', emu.url, '-u', 'demo', '-w', 'nope'], p);
    expect(bad.code).toBe(1);
    expect(readFileSync(join(p.cwd, '.impt.auth'), 'utf8')).toBe(before);
  });
});

describe('prompts without a terminal (DIFFERENCES F1)', () => {
  it('missing password, missing method and an OTP account each fail at once', async () => {
    const p = place();
    const pwd = await runImpt(['auth', 'login', '-e', emu.url, '-u', 'demo'], p);
    expect(pwd).toMatchObject({ code: 1, stdout: `Error: Password is required; pass --pwd (-w) in non-interactive use.\n${FAILS}` });
    const method = await runImpt(['auth', 'login', '-e', emu.url], p);
    expect(method.code).toBe(1);
    expect(method.stdout).toBe(
      `Error: A choice is required; pass --user (-u) and --pwd (-w), or --lk (-k), in non-interactive use.\n${FAILS}`,
    );
    const otp = await runImpt(['auth', 'login', '-e', emu.url, '-u', 'mfa', '-w', 'mfa'], p);
    expect(otp).toMatchObject({
      code: 1,
      stdout: `Error: One-time password is required; log in with a login key (--lk) in non-interactive use.\n${FAILS}`,
    });
    expect(existsSync(join(p.home, '.impt.auth'))).toBe(false);
  });
});

describe('endpoint failures', () => {
  let server: Server;
  let fakeUrl: string;
  beforeAll(async () => {
    // answers every login with a 403 that has no login_token
    server = createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ status: '403', title: 'Forbidden', detail: 'no' }] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    fakeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v5`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('403 without login_token → Internal error', async () => {
    const r = await runImpt(['auth', 'login', '-e', fakeUrl, '-u', 'a', '-w', 'b'], place());
    expect(r).toMatchObject({ code: 1, stdout: `Error: Internal error: Unexpected format of impCentral response.\n${FAILS}` });
  });

  it('unusable URL and refused connection', async () => {
    const bad = await runImpt(['auth', 'login', '-e', 'notaurl', '-u', 'a', '-w', 'b'], place());
    expect(bad).toMatchObject({ code: 1, stdout: `Error: Request error: Error: Invalid URI "notaurl/auth".\n${FAILS}` });
    const refused = await runImpt(['auth', 'login', '-e', 'http://127.0.0.1:1/v5', '-k', 'x'], place());
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe(`Error: Request error: Error: connect ECONNREFUSED 127.0.0.1:1.\n${FAILS}`);
  });

  // Spawned: a request to a host other than loopback goes through the proxy of
  // the environment, which the API client (axios) reads from process.env, not
  // from the io's env; a child process has the clean environment of impt.ts.
  it('an unknown host is named, as impt 2.6.1 does (no network-failure sentence)', async () => {
    const r = await impt(['auth', 'login', '-e', 'http://impt-no-such-host.invalid/v5', '-k', 'x'], place());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Error: Request error: Error: getaddrinfo (ENOTFOUND|EAI_AGAIN) impt-no-such-host\.invalid\.\nIMPT COMMAND FAILS\n$/);
    const env = await impt(['product', 'list'], { ...place(), env: { IMPT_LOGINKEY: 'k', IMPT_ENDPOINT: 'http://impt-no-such-host.invalid/v5' } });
    expect(env.stdout).toMatch(/^Error: Request error: Error: getaddrinfo (ENOTFOUND|EAI_AGAIN) impt-no-such-host\.invalid\.\n/);
  });

  it('an unknown IMPT_LOGINKEY is a Login Key that is not found, as for --lk', async () => {
    const lk = await runImpt(['auth', 'login', '-e', emu.url, '-k', 'unknownkey0001'], place());
    expect(lk).toMatchObject({ code: 1, stdout: `Error: Login Key "unknownkey0001" is not found.\n${FAILS}` });
    const env = await runImpt(['product', 'list'], { ...place(), env: { IMPT_LOGINKEY: 'unknownkey0001', IMPT_ENDPOINT: emu.url } });
    expect(env).toMatchObject({ code: 1, stdout: `Error: Login Key "unknownkey0001" is not found.\n${FAILS}` });
    const json = await runImpt(['product', 'list', '-z', 'json'], { ...place(), env: { IMPT_LOGINKEY: 'unknownkey0001', IMPT_ENDPOINT: emu.url } });
    expect(JSON.parse(json.stdout)).toEqual({ Error: 'Login Key "unknownkey0001" is not found.' });
  });

  // Spawned, as above: HTTPS_PROXY reaches axios through process.env only.
  it('the default endpoint is used when --endpoint is absent; the debug dump hides the login key', async () => {
    // the default endpoint is unreachable here; the debug dump proves where it went
    const r = await impt(['auth', 'login', '-k', 'SECRETKEY123', '-z', 'debug'], { ...place(), env: { HTTPS_PROXY: 'http://127.0.0.1:1' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('https://api.electricimp.com/v5/auth/token');
    expect(r.stdout).not.toContain('SECRETKEY123');
    expect(r.stdout).toContain('[hidden]');
  });
});

describe('IMPT_* variables are ignored by login and logout', () => {
  it('login writes ~/.impt.auth and logout deletes it, whatever the environment says', async () => {
    const p = place();
    const env = { IMPT_AUTH_FILE_PATH: p.cwd, IMPT_LOGINKEY: 'nope', IMPT_ENDPOINT: 'http://127.0.0.1:1/v5' };
    const r = await runImpt(['auth', 'login', '-e', emu.url, '-u', 'demo', '-w', 'demo'], { ...p, env });
    expect(r.code).toBe(0);
    expect(existsSync(join(p.home, '.impt.auth'))).toBe(true);
    expect(existsSync(join(p.cwd, '.impt.auth'))).toBe(false);
    const out = await runImpt(['auth', 'logout'], { ...p, env });
    expect(out).toMatchObject({ code: 0, stdout: `Global logout is successful.\n${SUCCEEDS}` });
    expect(existsSync(join(p.home, '.impt.auth'))).toBe(false);
  });
});

describe('logout', () => {
  it('deletes local and global files (even corrupted) in every mode', async () => {
    const p = place();
    writeFileSync(join(p.cwd, '.impt.auth'), 'junk');
    writeFileSync(join(p.home, '.impt.auth'), '{}');
    const local = await runImpt(['auth', 'logout', '--local'], p);
    expect(local).toMatchObject({ code: 0, stdout: `Local logout is successful.\n${SUCCEEDS}` });
    expect(existsSync(join(p.cwd, '.impt.auth'))).toBe(false);
    expect(existsSync(join(p.home, '.impt.auth'))).toBe(true);
    const min = await runImpt(['auth', 'logout', '-z', 'minimal'], p);
    expect(min).toMatchObject({ code: 0, stdout: '' });
    writeFileSync(join(p.cwd, '.impt.auth'), 'junk');
    const json = await runImpt(['auth', 'logout', '-l', '-z', 'json'], p);
    expect(json).toMatchObject({ code: 0, stdout: '{}\n' });
    expect(existsSync(join(p.cwd, '.impt.auth'))).toBe(false);
  });

  it('missing file → not found, without relogin hint, in every mode', async () => {
    const p = place();
    const g = await runImpt(['auth', 'logout'], p);
    expect(g).toMatchObject({ code: 1, stdout: `Error: Global Auth File is not found.\n${FAILS}` });
    const l = await runImpt(['auth', 'logout', '-l'], p);
    expect(l).toMatchObject({ code: 1, stdout: `Error: Local Auth File is not found.\n${FAILS}` });
    const json = await runImpt(['auth', 'logout', '-z', 'json'], p);
    expect(json).toMatchObject({ code: 1, stdout: '{\n  "Error": "Global Auth File is not found."\n}\n' });
    const min = await runImpt(['auth', 'logout', '-l', '-z', 'minimal'], p);
    expect(min).toMatchObject({ code: 1, stdout: 'Error: Local Auth File is not found.\n' });
  });
});
