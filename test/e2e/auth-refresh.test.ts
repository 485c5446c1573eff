// Access token refresh (interface/README.md §11) with short-lived emulator
// tokens, and an emulator restart between two commands.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';

const FAILS = 'IMPT COMMAND FAILS\n';
// 2 minutes: always inside the 3-minute refresh window
const TTL = 120;

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ tokenTtl: TTL });
});
afterAll(async () => {
  await emu.stop();
});

const place = () => ({ home: tempDir(), cwd: tempDir() });
const authText = (dir: string) => readFileSync(join(dir, '.impt.auth'), 'utf8');
const auth = (dir: string) => JSON.parse(authText(dir)) as Record<string, string>;
async function requests(): Promise<Array<{ method: string; path: string; status: number }>> {
  return (await emu.admin('GET', 'requests')).data;
}
async function clearRequests(): Promise<void> {
  await emu.admin('DELETE', 'requests');
}

describe('proactive refresh 3 minutes ahead', () => {
  it('user/password file: refresh token exchanged, new token saved back in place (0600, same keys)', async () => {
    const p = place();
    expect((await runImpt(['auth', 'login', '-e', emu.url, '-u', 'demo', '-w', 'demo'], p)).code).toBe(0);
    const before = auth(p.home);
    await clearRequests();
    const r = await runImpt(['account', 'info', '-z', 'json'], p);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).Account.username).toBe('demo');
    const after = auth(p.home);
    expect(Object.keys(after)).toEqual(['endpoint', 'accessToken', 'expiresAt', 'refreshToken']);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(after.endpoint).toBe(before.endpoint);
    expect(authText(p.home)).toBe(JSON.stringify(after, null, 2));
    expect(statSync(join(p.home, '.impt.auth')).mode & 0o777).toBe(0o600);
    const log = await requests();
    expect(log.map((x) => `${x.method} ${x.path} ${x.status}`)).toEqual(['POST /auth/token 200', 'GET /accounts/me 200']);
  });

  it('login key file: the key is exchanged again and kept', async () => {
    const p = place();
    expect((await runImpt(['auth', 'login', '-l', '-e', emu.url, '-k', '0123456789abcdef'], p)).code).toBe(0);
    const before = auth(p.cwd);
    const r = await runImpt(['auth', 'info'], p);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  Login method:              Login Key\n  Username:                  demo\n');
    const after = auth(p.cwd);
    expect(Object.keys(after)).toEqual(['endpoint', 'accessToken', 'expiresAt', 'loginKey']);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.loginKey).toBe('0123456789abcdef');
  });

  it('--temp file: nothing to refresh with → expiry error and relogin hint', async () => {
    const p = place();
    expect((await runImpt(['auth', 'login', '-l', '-t', '-e', emu.url, '-u', 'demo', '-w', 'demo'], p)).code).toBe(0);
    const r = await runImpt(['loginkey', 'list'], p);
    expect(r).toMatchObject({
      code: 1,
      stdout:
        'Error: Access token is expired for the Local Auth File. Information required to refresh access token is not saved.\n' +
        `Please relogin using "impt auth login --local" command and then try again.\n${FAILS}`,
    });
  });

  it('unknown refresh token → Impossible to refresh, with the relogin hint', async () => {
    const p = place();
    const data = { endpoint: emu.url, accessToken: 'x', expiresAt: new Date(Date.now() + 60_000).toISOString(), refreshToken: 'no-such-token' };
    writeFileSync(join(p.home, '.impt.auth'), JSON.stringify(data, null, 2));
    const r = await runImpt(['account', 'list'], p);
    expect(r).toMatchObject({
      code: 1,
      stdout: `Error: Impossible to refresh access token for the Global Auth File.\nPlease relogin using "impt auth login" command and then try again.\n${FAILS}`,
    });
    const json = await runImpt(['account', 'list', '-z', 'json'], p);
    expect(JSON.parse(json.stdout)).toEqual({ Error: 'Impossible to refresh access token for the Global Auth File.' });
    expect(auth(p.home)).toEqual(data);
  });
});

describe('401 → one refresh and one retry', () => {
  it('a revoked access token that looks valid is renewed with the refresh token', async () => {
    const p = place();
    expect((await runImpt(['auth', 'login', '-e', emu.url, '-u', 'demo', '-w', 'demo'], p)).code).toBe(0);
    const good = auth(p.home);
    // far in the future: no proactive refresh, the server's 401 triggers it
    const forged = { ...good, accessToken: 'revoked', expiresAt: '2099-01-01T00:00:00.000Z' };
    writeFileSync(join(p.home, '.impt.auth'), JSON.stringify(forged, null, 2));
    await clearRequests();
    const r = await runImpt(['account', 'info', '-z', 'json'], p);
    expect(r.code).toBe(0);
    expect((await requests()).map((x) => `${x.method} ${x.path} ${x.status}`)).toEqual([
      'GET /accounts/me 401',
      'POST /auth/token 200',
      'GET /accounts/me 200',
    ]);
    expect(auth(p.home).accessToken).not.toBe('revoked');
  });
});

describe('emulator restart between two commands', () => {
  it('keys, tokens and refresh tokens survive; only the endpoint changes', async () => {
    const p = place();
    expect((await runImpt(['auth', 'login', '-e', emu.url, '-u', 'demo', '-w', 'demo'], p)).code).toBe(0);
    const created = await runImpt(['loginkey', 'create', '-w', 'demo', '-s', 'survives restart', '-z', 'json'], p);
    expect(created.code).toBe(0);
    const keyId = JSON.parse(created.stdout)['Login Key'].id as string;

    await emu.restart();
    const data = auth(p.home);
    writeFileSync(join(p.home, '.impt.auth'), JSON.stringify({ ...data, endpoint: emu.url }, null, 2));

    const info = await runImpt(['loginkey', 'info', '-k', keyId, '-z', 'json'], p);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)['Login Key']).toMatchObject({ id: keyId, description: 'survives restart' });
    expect(auth(p.home).endpoint).toBe(emu.url);
    // the new key logs in through the environment against the restarted server
    const env = await runImpt(['auth', 'info', '-z', 'json'], { ...place(), env: { IMPT_LOGINKEY: keyId, IMPT_ENDPOINT: emu.url } });
    expect(JSON.parse(env.stdout).Auth.Username).toBe('demo');
    expect((await runImpt(['loginkey', 'delete', '-k', keyId, '-w', 'demo', '-q'], p)).code).toBe(0);
  });
});
