// `impt account info|list` (interface/account.md) against the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { tempDir, writeAuthFileFor } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';

const SEED = {
  accounts: [
    { username: 'demo', email: 'demo@example.com', password: 'demo', collaborates_on: ['alice'] },
    // an id that does not look like a UUID is still tried as an id first
    { username: 'alice', email: 'alice@example.com', password: 'alice', id: 'acct-alice' },
    { username: 'bob', email: 'bob@example.com', password: 'bob' },
  ],
};
const FAILS = 'IMPT COMMAND FAILS\n';
const SUCCEEDS = 'IMPT COMMAND SUCCEEDS\n';

interface Acc {
  id: string;
  attributes: Record<string, string>;
}
let emu: EmulatorHandle;
const home = tempDir();
const cwd = tempDir();
const acc: Record<string, Acc> = {};
beforeAll(async () => {
  emu = await startEmulator({ seed: SEED, inMemory: true });
  await writeAuthFileFor(home, emu.url);
  const token = (JSON.parse(await import('node:fs').then((f) => f.readFileSync(`${home}/.impt.auth`, 'utf8'))) as { accessToken: string }).accessToken;
  const list = await fetch(`${emu.url}/accounts`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<{ data: Acc[] }>);
  for (const a of list.data) acc[a.attributes.username!] = a;
});
afterAll(async () => {
  await emu.stop();
});

const run = (args: string[]) => runImpt(args, { home, cwd });

/** `id` then every attribute in API order, aligned like impt */
function infoBlock(a: Acc): string {
  const entries: Array<[string, string]> = [['id', a.id], ...Object.entries(a.attributes)];
  const width = Math.max(...entries.map(([k]) => k.length)) + 2;
  return `Account: \n${entries.map(([k, v]) => `  ${`${k}: `.padEnd(width)}${v}\n`).join('')}`;
}
const listBlock = (a: Acc) =>
  `Account: \n  id:       ${a.id}\n  email:    ${a.attributes.email}\n  username: ${a.attributes.username}\n`;

describe('account info', () => {
  it('the current account by default: default, minimal, json', async () => {
    const r = await run(['account', 'info']);
    expect(r).toMatchObject({ code: 0, stdout: infoBlock(acc.demo!) + SUCCEEDS });
    expect(Object.keys(acc.demo!.attributes).slice(0, 2)).toEqual(['username', 'email']);
    const min = await run(['account', 'info', '-z', 'minimal']);
    expect(min).toMatchObject({ code: 0, stdout: infoBlock(acc.demo!) });
    const json = await run(['account', 'info', '-z', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({ Account: { id: acc.demo!.id, ...acc.demo!.attributes } });
    expect(Object.keys(JSON.parse(json.stdout).Account)).toEqual(['id', ...Object.keys(acc.demo!.attributes)]);
  });

  it('by id, email, username and "me"', async () => {
    for (const ident of [acc.alice!.id, 'alice@example.com', 'alice']) {
      const r = await run(['account', 'info', '--user', ident, '-z', 'json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).Account.id).toBe(acc.alice!.id);
    }
    const me = await run(['account', 'info', '-u', 'me', '-z', 'minimal']);
    expect(me.stdout).toBe(infoBlock(acc.demo!));
  });

  it('GET by the value first, then the list; a match by email/username is re-read by id', async () => {
    const seen = async (args: string[]) => {
      await emu.admin('DELETE', 'requests');
      expect((await run(args)).code).toBe(0);
      return ((await emu.admin('GET', 'requests')).data as Array<{ method: string; path: string; status: number }>)
        .filter((q) => q.path.startsWith('/accounts'))
        .map((q) => `${q.method} ${q.path} ${q.status}`);
    };
    expect(acc.alice!.id).toBe('acct-alice');
    expect(await seen(['account', 'info', '-u', 'alice'])).toEqual(['GET /accounts/alice 404', 'GET /accounts 200', 'GET /accounts/acct-alice 200']);
    expect(await seen(['account', 'info', '-u', 'acct-alice'])).toEqual(['GET /accounts/acct-alice 200']);
    expect(await seen(['account', 'info'])).toEqual(['GET /accounts/me 200']);
  });

  it('an account that cannot be seen or does not exist → not found, in every mode', async () => {
    const r = await run(['account', 'info', '-u', 'bob']);
    expect(r).toMatchObject({ code: 1, stdout: `Error: Account "bob" is not found.\n${FAILS}` });
    const json = await run(['account', 'info', '-u', 'nobody@example.com', '-z', 'json']);
    expect(json).toMatchObject({ code: 1, stdout: '{\n  "Error": "Account \\"nobody@example.com\\" is not found."\n}\n' });
    const min = await run(['account', 'info', '-u', 'nobody', '-z', 'minimal']);
    expect(min).toMatchObject({ code: 1, stdout: 'Error: Account "nobody" is not found.\n' });
  });

  it('option checks are printed after the help', async () => {
    const cases: Array<[string[], string]> = [
      [['-u', ''], 'Option "--user" must not be empty.'],
      [['-u', 'a', '--user', 'b'], 'Option "--user" must not be specified multiple times.'],
      [['-u'], 'Not enough arguments following: u'],
      [['--user'], 'Not enough arguments following: user'],
      [['extra'], 'Unknown arguments: extra.'],
    ];
    const results = await Promise.all(cases.map(([args]) => run(['account', 'info', ...args])));
    results.forEach((r, i) => {
      expect(r.code).toBe(1);
      expect(r.stdout.startsWith('\nUsage: impt account info [--user <ACCOUNT_IDENTIFIER>] [--output <mode>]\n[--help]\n')).toBe(true);
      expect(r.stdout.slice(r.stdout.lastIndexOf('\nError: '))).toBe(`\nError: ${cases[i]![1]}\n${FAILS}`);
    });
  });

  it('help shows the default of --user', async () => {
    const r = await run(['account', 'info', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[string] [default: "me"]');
    expect(r.stdout).toContain('\nDisplays information about the specified account.\n');
  });
});

describe('account list', () => {
  it('the current account and the accounts it collaborates on: default, minimal, json', async () => {
    const r = await run(['account', 'list']);
    expect(r).toMatchObject({ code: 0, stdout: `Account list (2 items):\n${listBlock(acc.demo!)}${listBlock(acc.alice!)}${SUCCEEDS}` });
    const min = await run(['account', 'list', '-z', 'minimal']);
    expect(min.stdout).toBe(listBlock(acc.demo!) + listBlock(acc.alice!));
    const json = await run(['account', 'list', '-z', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(
      ['demo', 'alice'].map((n) => ({ Account: { id: acc[n]!.id, email: `${n}@example.com`, username: n } })),
    );
    expect(Object.keys(JSON.parse(json.stdout)[0].Account)).toEqual(['id', 'email', 'username']);
  });

  it('one item still says "items"; a table on request', async () => {
    const bobHome = tempDir();
    await writeAuthFileFor(bobHome, emu.url, 'bob', 'bob');
    const r = await runImpt(['account', 'list'], { home: bobHome, cwd });
    const bobId = JSON.parse((await runImpt(['account', 'info', '-z', 'json'], { home: bobHome, cwd })).stdout).Account.id as string;
    const bob = { id: bobId, attributes: { email: 'bob@example.com', username: 'bob' } };
    expect(r.stdout).toBe(`Account list (1 items):\n${listBlock(bob)}${SUCCEEDS}`);
    const table = await runImpt(['account', 'list', '-z', 'table'], { home: bobHome, cwd });
    expect(table.stdout).toMatch(/^Account list \(1 items\):\n┌.*\n│ id +│ email +│ username +│\n/);
    expect(table.stdout).toContain(bobId);
  });

  it('extra words, not logged in', async () => {
    const extra = await run(['account', 'list', 'all']);
    expect(extra.code).toBe(1);
    expect(extra.stdout).toMatch(/^\nUsage: impt account list \[--output <mode>\] \[--help\]\n[\s\S]*\nError: Unknown arguments: all\.\nIMPT COMMAND FAILS\n$/);
    const out = await runImpt(['account', 'list'], { home: tempDir(), cwd: tempDir() });
    expect(out).toMatchObject({ code: 1, stdout: `Error: You are not logged in.\n${FAILS}` });
  });
});
