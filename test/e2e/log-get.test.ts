// impt log get (interface/log.md): pages of historical logs, newest first,
// paging on Enter, the Project file's device, validation.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../helpers/emulator.js';
import { startLoggedIn } from '../helpers/logged-in.js';
import { tempDir, type ImptResult } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import type { client } from '../emulator/util.js';
import { startImpt } from './log-helpers.js';

const ts = (n: number) => `2024-02-13T10:45:${String(n).padStart(2, '0')}.000Z`;
const SEED = {
  accounts: [{ username: 'demo', email: 'demo@example.com', password: 'demo' }],
  devices: [
    // five entries: Message #1# (oldest) … Message #5# (newest)
    { id: '30000c2a69100001', name: 'five', logs: [1, 2, 3, 4, 5].map((n) => ({ ts: ts(n), type: 'server.log', msg: `Message #${n}#` })) },
    { id: '30000c2a69100002', name: 'four', logs: [1, 2, 3, 4].map((n) => ({ ts: ts(n), type: n % 2 ? 'agent.log' : 'server.error', msg: `m${n}` })) },
    { id: '30000c2a69100003', name: 'multi', logs: [{ ts: ts(1), type: 'server.log', msg: 'first\nsecond' }] },
    { id: '30000c2a69100004', name: 'empty' },
    { id: '30000c2a69100005', name: 'p1' },
    { id: '30000c2a69100006', name: 'p2' },
  ],
};
const PROMPT = 'IMPT COMMAND SUCCEEDS\n\nPress <Enter> to see more logs or <Ctrl-C> to exit.\n';
const line = (n: number) => `${ts(n)} [server.log] Message #${n}#\n`;

let emu: EmulatorHandle;
let home: string;
let api: ReturnType<typeof client>;
const run = (args: string[], opts: { input?: string; cwd?: string } = {}): Promise<ImptResult> =>
  runImpt(['log', 'get', ...args], { home, cwd: opts.cwd ?? home, input: opts.input });

beforeAll(async () => {
  ({ emu, home, api } = await startLoggedIn(SEED));
});
afterAll(() => emu?.stop());

describe('log get --page-number', () => {
  it('prints one page, newest first, in every mode', async () => {
    const r = await run(['-d', 'five', '-s', '2', '-n', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(line(5) + line(4) + 'IMPT COMMAND SUCCEEDS\n');
    expect((await run(['--device', '0c:2a:69:10:00:01', '--page-size', '2', '--page-number', '3'])).stdout).toBe(line(1) + 'IMPT COMMAND SUCCEEDS\n');
    expect((await run(['-d', 'five', '-s', '2', '-n', '2', '-z', 'minimal'])).stdout).toBe(line(3) + line(2));
    const json = await run(['-d', 'five', '-s', '2', '-n', '1', '-z', 'json']);
    expect(JSON.parse(json.stdout)).toEqual([
      { ts: ts(5), type: 'server.log', msg: 'Message #5#' },
      { ts: ts(4), type: 'server.log', msg: 'Message #4#' },
    ]);
    expect(json.stdout).toBe(`${JSON.stringify(JSON.parse(json.stdout), null, 2)}\n`);
    expect((await run(['-d', 'five', '-n', '9', '-z', 'json'])).stdout).toBe('[]\n');
    expect((await run(['-d', 'five', '-n', '9'])).stdout).toBe('IMPT COMMAND SUCCEEDS\n');
    // default page size 20: everything in one page
    expect((await run(['-d', 'five', '-n', '1'])).stdout).toBe([5, 4, 3, 2, 1].map(line).join('') + 'IMPT COMMAND SUCCEEDS\n');
  });

  it('prints a message with a newline as a """ block', async () => {
    expect((await run(['-d', 'multi', '-n', '1', '-z', 'minimal'])).stdout).toBe(`"""\n  ${ts(1)} [server.log] first\n  second\n"""\n`);
  });
});

describe('log get paging', () => {
  it('pages through the log on each Enter, then says there is no more', async () => {
    const r = await run(['-d', 'five', '-s', '2'], { input: '\n\n\n\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(line(5) + line(4) + PROMPT + line(3) + line(2) + PROMPT + line(1) + PROMPT + 'No more logs are available.\nIMPT COMMAND SUCCEEDS\n');
  });

  it('prints one empty page after an exactly full last page', async () => {
    const r = await run(['-d', 'four', '-s', '2', '-z', 'json'], { input: '\n\n\n\n' });
    expect(r.code).toBe(0);
    const arrays = r.stdout.split(/(?<=\])\n/).filter((s) => s.trim());
    expect(arrays.map((a) => JSON.parse(a).map((e: any) => e.msg))).toEqual([['m4', 'm3'], ['m2', 'm1'], []]);
    const text = await run(['-d', 'four', '-s', '2'], { input: '\n\n\n' });
    expect(text.stdout).toBe(
      `${ts(4)} [server.error] m4\n${ts(3)} [agent.log] m3\n${PROMPT}${ts(2)} [server.error] m2\n${ts(1)} [agent.log] m1\n${PROMPT}${PROMPT}No more logs are available.\nIMPT COMMAND SUCCEEDS\n`,
    );
  });

  it('shows only log lines in minimal mode and stops quietly at the end of stdin', async () => {
    expect((await run(['-d', 'five', '-s', '2', '-z', 'minimal'], { input: '\n\n\n' })).stdout).toBe([5, 4, 3, 2, 1].map(line).join(''));
    // stdin already at its end: the first page and the prompt, nothing more
    const eof = await run(['-d', 'five', '-s', '2']);
    expect(eof.code).toBe(0);
    expect(eof.stdout).toBe(line(5) + line(4) + PROMPT);
    const json = await run(['-d', 'empty']);
    expect(json.stdout).toBe(PROMPT);
  });

  it('ends with the success line on Ctrl-C and never waits on a silent pipe', async () => {
    const p = startImpt(['log', 'get', '-d', 'five', '-s', '2'], { home });
    await p.waitFor(/Press <Enter>/);
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
    expect(p.out()).toBe(line(5) + line(4) + PROMPT + 'IMPT COMMAND SUCCEEDS\n');

    // stdin stays open and silent: an impt waiting on it would never end by
    // itself (startImpt kills it after its hang guard, with no exit code)
    const silent = startImpt(['log', 'get', '-d', 'five', '-s', '2', '-z', 'json'], { home });
    expect(await silent.exited).toBe(0);
    expect(JSON.parse(silent.out()).length).toBe(2);
  });
});

describe('log get on a terminal', () => {
  it('shows the next page on Enter and ends with the success line on Ctrl-C', async () => {
    const p = startImpt(['log', 'get', '-d', 'five', '-s', '2'], { home, tty: true });
    await p.waitFor(/Press <Enter>/);
    p.child.stdin.write('\r');
    await p.waitFor(/Message #2#[\s\S]*Press <Enter>/);
    p.child.stdin.write('\u0003');
    expect(await p.exited).toBe(0);
    // the terminal echoes the Enter (an empty line) and Ctrl-C (`^C`)
    const text = p.out().replace('^C', '');
    expect(text).toBe(line(5) + line(4) + PROMPT + '\n' + line(3) + line(2) + PROMPT + 'IMPT COMMAND SUCCEEDS\n');
  });
});

describe('log get device selection and validation', () => {
  it('uses the only device of the Project file Device Group', async () => {
    const product = await api.createProduct('log-get-p');
    const dg = await api.createDg(product.id, 'development_devicegroup', 'log-get-dg');
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, '.impt.project'), JSON.stringify({ deviceGroupId: dg.id, deviceFile: 'd.nut', agentFile: 'a.nut' }));
    const none = await run(['-n', '1'], { cwd });
    expect(none.stdout).toBe('Error: No Device Identifier is specified.\nIMPT COMMAND FAILS\n');
    expect(none.code).toBe(1);
    await api.post(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: '30000c2a69100005' }] });
    await emu.admin('POST', 'devices/30000c2a69100005/logs', { msg: 'from p1', ts: ts(7) });
    expect((await run(['-n', '1'], { cwd })).stdout).toBe(`${ts(7)} [server.log] from p1\nIMPT COMMAND SUCCEEDS\n`);
    await api.post(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: '30000c2a69100006' }] });
    const multi = await run(['-n', '1'], { cwd });
    expect(multi.code).toBe(1);
    expect(multi.stdout).toMatch(/^Error: Multiple Devices are found:\nDevice: \n  id:\s+30000c2a69100005\n[\s\S]*  id:\s+30000c2a69100006\n[\s\S]*    name: log-get-dg\nImpossible to execute the command.\nIMPT COMMAND FAILS\n$/);
    expect((await run(['-n', '1', '-z', 'json'], { cwd })).stdout).toBe('{\n  "Error": "Multiple Devices are found:"\n}\n');
    // an explicit --device wins over the Project file
    expect((await run(['-d', 'five', '-s', '1', '-n', '1', '-z', 'minimal'], { cwd })).stdout).toBe(line(5));

    const gone = tempDir();
    fs.writeFileSync(path.join(gone, '.impt.project'), JSON.stringify({ deviceGroupId: '4dc83191-99d5-40a9-ba31-8f86c7f5a20d' }));
    expect((await run([], { cwd: gone })).stdout).toBe(
      'Error: Device Group "4dc83191-99d5-40a9-ba31-8f86c7f5a20d", saved in Project File, does not exist anymore.\nImpossible to execute the command.\nUse "impt project delete" command to delete the outdated Project.\nIMPT COMMAND FAILS\n',
    );
    const corrupted = tempDir();
    fs.writeFileSync(path.join(corrupted, '.impt.project'), '{');
    expect((await run([], { cwd: corrupted })).stdout).toBe('Error: Project File is corrupted.\nIMPT COMMAND FAILS\n');
    expect((await run([])).stdout).toBe('Error: No Device Identifier is specified.\nIMPT COMMAND FAILS\n');
  });

  it('reports unknown devices and invalid option values', async () => {
    expect((await run(['-d', 'nope'])).stdout).toBe('Error: Device "nope" is not found.\nIMPT COMMAND FAILS\n');
    const cases: Array<[string[], string]> = [
      [['-d', 'five', '-s', 'abc'], 'Option "--page-size" must be a number.'],
      [['-d', 'five', '-s', '0'], 'Option "--page-size" must have a positive integer value.'],
      [['-d', 'five', '-s', '1.5'], 'Option "--page-size" must have a positive integer value.'],
      [['-d', 'five', '-n', 'x'], 'Option "--page-number" must be a number.'],
      [['-d', 'five', '--page-number', '-1'], 'Option "--page-number" must have a positive integer value.'],
      [['-d', ''], 'Option "--device" must not be empty.'],
      [['-d', 'a', '-d', 'b'], 'Option "--device" must not be specified multiple times.'],
      [['-d'], 'Not enough arguments following: d'],
      // number checks come last among the generic checks (README §1.4): after
      // extra words, and per option after the empty/repeated checks
      [['-d', 'five', '-s', 'abc', 'extra'], 'Unknown arguments: extra.'],
      [['-d', '', '-s', 'abc'], 'Option "--device" must not be empty.'],
      [['-s', 'abc', '-d', 'a', '-d', 'b'], 'Option "--device" must not be specified multiple times.'],
      [['-d', 'five', '-n', 'x', '-s', '0'], 'Option "--page-size" must have a positive integer value.'],
      // "" is the number 0 for a number option
      [['-d', 'five', '-s', ''], 'Option "--page-size" must have a positive integer value.'],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).toContain('Usage: impt log get');
      expect(r.stdout, args.join(' ')).toMatch(new RegExp(`Error: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\nIMPT COMMAND FAILS\n$`));
    }
  });
});
