// `impt loginkey create|delete|info|list|update` (interface/loginkey.md) against the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { tempDir, writeAuthFileFor } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';

const SEED = {
  accounts: [
    { username: 'demo', email: 'demo@example.com', password: 'demo', login_keys: [{ id: '0123456789abcdef', description: 'CI key' }] },
    { username: 'empty', email: 'empty@example.com', password: 'empty' },
    {
      username: 'full',
      email: 'full@example.com',
      password: 'full',
      login_keys: Array.from({ length: 10 }, (_, i) => ({ id: `f0000000000000${String(i).padStart(2, '0')}`, description: '' })),
    },
  ],
};
const FAILS = 'IMPT COMMAND FAILS\n';
const SUCCEEDS = 'IMPT COMMAND SUCCEEDS\n';
const KEY = '0123456789abcdef';

let emu: EmulatorHandle;
const place: Record<string, { home: string; cwd: string }> = {};
beforeAll(async () => {
  emu = await startEmulator({ seed: SEED, inMemory: true });
  for (const name of ['demo', 'empty', 'full']) {
    place[name] = { home: tempDir(), cwd: tempDir() };
    await writeAuthFileFor(place[name]!.home, emu.url, name, name);
  }
});
afterAll(async () => {
  await emu.stop();
});

const run = (args: string[], who = 'demo') => runImpt(args, place[who]);
/** method + path of the requests made since the last call */
async function requests(): Promise<string[]> {
  const log = (await emu.admin('GET', 'requests')).data as Array<{ method: string; path: string }>;
  await emu.admin('DELETE', 'requests');
  return log.map((r) => `${r.method} ${r.path}`);
}
async function create(descr: string): Promise<string> {
  const r = await run(['loginkey', 'create', '-w', 'demo', '-s', descr, '-z', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout)['Login Key'].id as string;
}
const short = (id: string, descr: string, usages = 0) =>
  `Login Key: \n  id:          ${id}\n${descr ? `  description: ${descr}\n` : ''}  usages:${descr ? '      ' : ' '}${usages}\n`;

describe('loginkey list', () => {
  it('default, minimal, json', async () => {
    const r = await run(['loginkey', 'list']);
    expect(r).toMatchObject({ code: 0, stdout: `Login Key list (1 items):\n${short(KEY, 'CI key')}${SUCCEEDS}` });
    const min = await run(['loginkey', 'list', '-z', 'minimal']);
    expect(min.stdout).toBe(short(KEY, 'CI key'));
    const json = await run(['loginkey', 'list', '-z', 'json']);
    expect(JSON.parse(json.stdout)).toEqual([{ 'Login Key': { id: KEY, description: 'CI key', usages: 0 } }]);
  });

  it('no keys: the none-found line, nothing in minimal, [] in json', async () => {
    expect((await run(['loginkey', 'list'], 'empty')).stdout).toBe(`No Login Keys are found.\n${SUCCEEDS}`);
    expect((await run(['loginkey', 'list', '-z', 'minimal'], 'empty')).stdout).toBe('');
    expect((await run(['loginkey', 'list', '-z', 'json'], 'empty')).stdout).toBe('[]\n');
  });

  it('empty descriptions are omitted and usages 0 is shown', async () => {
    const r = await run(['loginkey', 'list', '-z', 'minimal'], 'full');
    expect(r.stdout.split('Login Key: \n')).toHaveLength(11);
    expect(r.stdout).toContain('Login Key: \n  id:     f000000000000000\n  usages: 0\n');
  });
});

describe('loginkey create', () => {
  it('default output: message, short block, status; the password goes in a header only', async () => {
    await requests();
    const r = await run(['loginkey', 'create', '--pwd', 'demo', '--descr', 'deploy key']);
    expect(r.code).toBe(0);
    const id = /^Login Key "([0-9a-f]{16})" is created successfully\.\n/.exec(r.stdout)?.[1];
    expect(id).toBeDefined();
    expect(r.stdout).toBe(`Login Key "${id}" is created successfully.\n${short(id!, 'deploy key')}${SUCCEEDS}`);
    expect(await requests()).toEqual(['POST /accounts/me/login_keys']);
    // the new key logs in
    const env = await runImpt(['auth', 'info', '-z', 'json'], { home: tempDir(), cwd: tempDir(), env: { IMPT_LOGINKEY: id, IMPT_ENDPOINT: emu.url } });
    expect(JSON.parse(env.stdout).Auth.Username).toBe('demo');
  });

  it('minimal prints the block; json the short object; no or empty description is omitted', async () => {
    const min = await run(['loginkey', 'create', '-w', 'demo', '-s', 'm', '-z', 'minimal']);
    expect(min.stdout).toMatch(/^Login Key: \n {2}id: {10}[0-9a-f]{16}\n {2}description: m\n {2}usages: {6}0\n$/);
    const json = await run(['loginkey', 'create', '-w', 'demo', '-z', 'json']);
    const obj = JSON.parse(json.stdout);
    expect(Object.keys(obj['Login Key'])).toEqual(['id', 'usages']);
    expect(obj['Login Key'].usages).toBe(0);
    const empty = await run(['loginkey', 'create', '-w', 'demo', '-s', '', '-z', 'json']);
    expect(Object.keys(JSON.parse(empty.stdout)['Login Key'])).toEqual(['id', 'usages']);
  });

  it('empty password is refused before any request; a wrong one is the API error in every mode', async () => {
    await requests();
    const empty = await run(['loginkey', 'create', '-w', '']);
    expect(empty).toMatchObject({ code: 1, stdout: `Error: Non empty "password" parameter required.\n${FAILS}` });
    const emptyJson = await run(['loginkey', 'create', '-w', '', '-z', 'json']);
    expect(emptyJson.stdout).toBe('{\n  "Error": "Non empty \\"password\\" parameter required."\n}\n');
    expect(await requests()).toEqual([]);
    const wrong = await run(['loginkey', 'create', '-w', 'nope']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^Error: Invalid Credentials: .+\nIMPT COMMAND FAILS\n$/);
    const wrongJson = await run(['loginkey', 'create', '-w', 'nope', '-z', 'json']);
    expect(JSON.parse(wrongJson.stdout).Error).toMatch(/^Invalid Credentials: /);
  });

  it('no password and no terminal → fail at once, nothing sent', async () => {
    await requests();
    const r = await run(['loginkey', 'create', '-s', 'x']);
    expect(r).toMatchObject({ code: 1, stdout: `Error: Password is required; pass --pwd (-w) in non-interactive use.\n${FAILS}` });
    expect(await requests()).toEqual([]);
  });

  it('the key limit of the API is passed through', async () => {
    const r = await run(['loginkey', 'create', '-w', 'full'], 'full');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Error: Login Key Limit Reached: .+\nIMPT COMMAND FAILS\n$/);
  });
});

describe('loginkey info', () => {
  it('id then every attribute in API order: default, minimal, json', async () => {
    const r = await run(['loginkey', 'info', '--lk', KEY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Login Key: \n {2}id: {10}0123456789abcdef\n {2}description: CI key\n {2}usages: {6}\d+\n {2}created_at: {2}\S+Z\n {2}updated_at: {2}\S+Z\nIMPT COMMAND SUCCEEDS\n$/,
    );
    const min = await run(['loginkey', 'info', '-k', KEY, '-z', 'minimal']);
    expect(min.stdout).toBe(r.stdout.replace(SUCCEEDS, ''));
    const json = JSON.parse((await run(['loginkey', 'info', '-k', KEY, '-z', 'json'])).stdout);
    expect(Object.keys(json['Login Key'])).toEqual(['id', 'description', 'usages', 'created_at', 'updated_at']);
    expect(typeof json['Login Key'].usages).toBe('number');
  });

  it('not found in every mode; the key of another account is not found either', async () => {
    const r = await run(['loginkey', 'info', '-k', 'f000000000000001']);
    expect(r).toMatchObject({ code: 1, stdout: `Error: Login Key "f000000000000001" is not found.\n${FAILS}` });
    const json = await run(['loginkey', 'info', '-k', 'nope', '-z', 'json']);
    expect(json).toMatchObject({ code: 1, stdout: '{\n  "Error": "Login Key \\"nope\\" is not found."\n}\n' });
    const min = await run(['loginkey', 'info', '-k', 'nope', '-z', 'minimal']);
    expect(min).toMatchObject({ code: 1, stdout: 'Error: Login Key "nope" is not found.\n' });
  });
});

describe('loginkey update', () => {
  it('updates the description: default, minimal, json; "" is allowed', async () => {
    const id = await create('before');
    await requests();
    const r = await run(['loginkey', 'update', '-k', id, '-w', 'demo', '-s', 'after']);
    expect(r).toMatchObject({ code: 0, stdout: `Login Key "${id}" is updated successfully.\n${SUCCEEDS}` });
    expect(await requests()).toEqual([`GET /accounts/me/login_keys/${id}`, `PATCH /accounts/me/login_keys/${id}`]);
    expect(JSON.parse((await run(['loginkey', 'info', '-k', id, '-z', 'json'])).stdout)['Login Key'].description).toBe('after');
    expect((await run(['loginkey', 'update', '-k', id, '-w', 'demo', '-s', 'again', '-z', 'minimal'])).stdout).toBe('');
    expect((await run(['loginkey', 'update', '-k', id, '-w', 'demo', '-s', '', '-z', 'json'])).stdout).toBe('{}\n');
    const info = await run(['loginkey', 'info', '-k', id, '-z', 'minimal']);
    expect(info.stdout).toContain('  description: \n');
  });

  it('failures: not found, empty or wrong password, missing options', async () => {
    const missing = await run(['loginkey', 'update', '-k', 'nope', '-w', 'demo', '-s', 'x']);
    expect(missing).toMatchObject({ code: 1, stdout: `Error: Login Key "nope" is not found.\n${FAILS}` });
    await requests();
    // the password is asked first, but an empty one stops only the PATCH: the key is looked up before
    const empty = await run(['loginkey', 'update', '-k', KEY, '-w', '', '-s', 'x']);
    expect(empty.stdout).toBe(`Error: Non empty "password" parameter required.\n${FAILS}`);
    expect(await requests()).toEqual([`GET /accounts/me/login_keys/${KEY}`]);
    const emptyMissing = await run(['loginkey', 'update', '-k', 'nope', '-w', '', '-s', 'x']);
    expect(emptyMissing.stdout).toBe(`Error: Login Key "nope" is not found.\n${FAILS}`);
    await requests();
    const noTty = await run(['loginkey', 'update', '-k', KEY, '-s', 'x']);
    expect(noTty.stdout).toBe(`Error: Password is required; pass --pwd (-w) in non-interactive use.\n${FAILS}`);
    expect(await requests()).toEqual([]);
    const wrong = await run(['loginkey', 'update', '-k', KEY, '-w', 'bad', '-s', 'x']);
    expect(wrong.stdout).toMatch(/^Error: Invalid Credentials: /);
    const [both, descr, lk] = await Promise.all([
      run(['loginkey', 'update']),
      run(['loginkey', 'update', '-k', KEY]),
      run(['loginkey', 'update', '-s', 'x']),
    ]);
    expect(both.stdout.endsWith(`\nError: Missing required arguments: lk, descr\n${FAILS}`)).toBe(true);
    expect(both.stdout.startsWith('\nUsage: impt loginkey update --lk <login_key_id> [--pwd <password>] --descr\n')).toBe(true);
    expect(descr.stdout.endsWith(`\nError: Missing required argument: descr\n${FAILS}`)).toBe(true);
    expect(lk.stdout.endsWith(`\nError: Missing required argument: lk\n${FAILS}`)).toBe(true);
  });
});

describe('loginkey delete', () => {
  it('with --confirmed: default, minimal, json', async () => {
    for (const [mode, expected] of [
      [[], (id: string) => `Login Key "${id}" is deleted successfully.\n${SUCCEEDS}`],
      [['-z', 'minimal'], () => ''],
      [['-z', 'json'], () => '{}\n'],
    ] as Array<[string[], (id: string) => string]>) {
      const id = await create('to delete');
      const r = await run(['loginkey', 'delete', '--lk', id, '--pwd', 'demo', '--confirmed', ...mode]);
      expect(r).toMatchObject({ code: 0, stdout: expected(id) });
      expect((await run(['loginkey', 'info', '-k', id])).code).toBe(1);
    }
  });

  it('without --confirmed and no terminal: prints the summary, then fails before any change', async () => {
    const id = await create('kept');
    const r = await run(['loginkey', 'delete', '-k', id, '-w', 'demo']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^The following entities will be deleted:\nLogin Key: \n/);
    expect(r.stdout.endsWith(`\n\nError: Confirmation is required; run the command with --confirmed (-q) in non-interactive use.\n${FAILS}`)).toBe(true);
    expect((await run(['loginkey', 'info', '-k', id])).code).toBe(0);
  });

  it('failures: not found, password problems, option checks', async () => {
    const nf = await run(['loginkey', 'delete', '-k', 'nope', '-q', '-w', 'demo']);
    expect(nf).toMatchObject({ code: 1, stdout: `Error: Login Key "nope" is not found.\n${FAILS}` });
    const id = await create('stays');
    const empty = await run(['loginkey', 'delete', '-k', id, '-q', '-w', '']);
    expect(empty.stdout).toBe(`Error: Non empty "password" parameter required.\n${FAILS}`);
    const noTty = await run(['loginkey', 'delete', '-k', id, '-q']);
    expect(noTty.stdout).toBe(`Error: Password is required; pass --pwd (-w) in non-interactive use.\n${FAILS}`);
    const wrong = await run(['loginkey', 'delete', '-k', id, '-q', '-w', 'bad', '-z', 'json']);
    expect(JSON.parse(wrong.stdout).Error).toMatch(/^Invalid Credentials: /);
    expect((await run(['loginkey', 'info', '-k', id])).code).toBe(0);
    const [noLk, falseQ, emptyLk] = await Promise.all([
      run(['loginkey', 'delete']),
      run(['loginkey', 'delete', '-k', id, '-q', 'false']),
      run(['loginkey', 'delete', '-k', '']),
    ]);
    expect(noLk.stdout.endsWith(`\nError: Missing required argument: lk\n${FAILS}`)).toBe(true);
    expect(falseQ.stdout.endsWith(`\nError: Option "--confirmed" has incorrect value "false".\n${FAILS}`)).toBe(true);
    expect(emptyLk.stdout.endsWith(`\nError: Option "--lk" must not be empty.\n${FAILS}`)).toBe(true);
  });
});

describe('debug mode', () => {
  /** The dumps before the command's own output (which starts with `marker`). */
  const dumps = (stdout: string, marker: string) => {
    const at = stdout.lastIndexOf(marker);
    expect(at).toBeGreaterThan(0);
    return stdout.slice(0, at);
  };

  it('shows login key ids in URLs and bodies by their last 4 characters only (F2)', async () => {
    const id = await create('debugged');
    const masked = `****${id.slice(-4)}`;
    const info = await run(['loginkey', 'info', '--lk', id, '-z', 'debug']);
    expect(info.code).toBe(0);
    expect(dumps(info.stdout, 'Login Key: \n')).not.toContain(id);
    expect(info.stdout).toContain(`/accounts/me/login_keys/${masked}"`);
    expect(info.stdout).toContain(`"id": "${masked}"`);
    const list = await run(['loginkey', 'list', '-z', 'debug']);
    expect(dumps(list.stdout, 'Login Key list (')).not.toMatch(new RegExp(`${id}|${KEY}`));
    expect(list.stdout).toContain(`"id": "****${KEY.slice(-4)}"`);
    const update = await run(['loginkey', 'update', '-k', id, '-w', 'demo', '-s', 'again', '-z', 'debug']);
    expect(dumps(update.stdout, `Login Key "${id}" is updated successfully.`)).not.toContain(id);
    expect(update.stdout).toMatch(/"method": "patch"/i);
    // a refusal: its error dump names the path, masked; the Error line does not name the key
    const wrong = await run(['loginkey', 'update', '-k', id, '-w', 'bad', '-s', 'x', '-z', 'debug']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain(`/accounts/me/login_keys/${masked}`);
    expect(wrong.stdout).not.toContain(id);
    const del = await run(['loginkey', 'delete', '-k', id, '-w', 'demo', '-q', '-z', 'debug']);
    expect(dumps(del.stdout, `Login Key "${id}" is deleted successfully.`)).not.toContain(id);
    expect(del.stdout).toMatch(/"method": "delete"/i);
  });
});

describe('common checks', () => {
  it('info requires --lk; list takes no words; every command needs a login', async () => {
    const [info, list] = await Promise.all([run(['loginkey', 'info']), run(['loginkey', 'list', 'x'])]);
    expect(info.stdout).toMatch(/^\nUsage: impt loginkey info --lk <login_key_id> \[--output <mode>\] \[--help\]\n[\s\S]*\nError: Missing required argument: lk\nIMPT COMMAND FAILS\n$/);
    expect(list.stdout.endsWith(`\nError: Unknown arguments: x.\n${FAILS}`)).toBe(true);
    const nobody = { home: tempDir(), cwd: tempDir() };
    const results = await Promise.all([
      runImpt(['loginkey', 'list'], nobody),
      runImpt(['loginkey', 'info', '-k', KEY], nobody),
      runImpt(['loginkey', 'create', '-w', 'x'], nobody),
      runImpt(['loginkey', 'update', '-k', KEY, '-w', 'x', '-s', 'y'], nobody),
      runImpt(['loginkey', 'delete', '-k', KEY, '-w', 'x', '-q'], nobody),
    ]);
    for (const r of results) expect(r).toMatchObject({ code: 1, stdout: `Error: You are not logged in.\n${FAILS}` });
  });
});
