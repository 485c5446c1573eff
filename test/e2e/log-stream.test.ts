// impt log stream and device restart --log (interface/log.md, README §14):
// lines injected into the emulator arrive in the exact format, the opening
// block, the 5-device limit, the server closing the stream, reconnection after
// a dropped connection, and a clean end on SIGINT / SIGTERM.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../helpers/emulator.js';
import { startLoggedIn } from '../helpers/logged-in.js';
import { tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import type { client } from '../emulator/util.js';
import { startImpt, type Running } from './log-helpers.js';

const dev = (n: number) => `30000c2a69200${String(n).padStart(3, '0')}`;
const SEED = {
  accounts: [{ username: 'demo', email: 'demo@example.com', password: 'demo' }],
  devices: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ id: dev(n), name: `s${n}` })),
};
const OPENED = (ids: string) => `Log stream for Device(s) ${ids} is opened.\nIMPT COMMAND SUCCEEDS\n\nPress <Ctrl-C> to exit.\n`;

let emu: EmulatorHandle;
let home: string;
let api: ReturnType<typeof client>;
const running: Running[] = [];

function stream(args: string[], opts: { cwd?: string } = {}): Running {
  const p = startImpt(args, { home, cwd: opts.cwd });
  running.push(p);
  return p;
}
const inject = (id: string, ...lines: Array<{ type: string; message: string }>) => emu.admin('POST', `devices/${id}/logs`, { lines });
/** Injects the line again until `re` shows up (a line injected before the device was added is not streamed). */
async function injectUntil(p: Running, id: string, re: RegExp, line: { type: string; message: string }): Promise<void> {
  const seen = p.waitFor(re);
  let shown = false;
  void seen.then(() => (shown = true), () => undefined);
  while (!shown && p.child.exitCode === null) {
    await inject(id, line);
    await new Promise((r) => setTimeout(r, 100));
  }
  await seen;
}
let seq = 0;
async function groupWith(...ids: string[]): Promise<any> {
  const product = await api.createProduct(`ls-p-${++seq}`);
  const dg = await api.createDg(product.id, 'development_devicegroup', `ls-g-${seq}`);
  if (ids.length) await api.post(`/devicegroups/${dg.id}/relationships/devices`, { data: ids.map((id) => ({ type: 'device', id })) });
  return dg;
}

beforeAll(async () => {
  ({ emu, home, api } = await startLoggedIn(SEED));
});
afterEach(async () => {
  await emu.admin('DELETE', 'faults');
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});
afterAll(() => emu?.stop());

describe('log stream', () => {
  it('streams devices of --device and --dg (cumulative, de-duplicated) and ends on SIGINT with the success line', async () => {
    const dg = await groupWith(dev(2), dev(3));
    const p = stream(['log', 'stream', '-d', 's1', '--device', dev(2), '-g', dg.attributes.name]);
    await p.waitFor(/Press <Ctrl-C> to exit.\n/);
    expect(p.out()).toBe(OPENED(`${dev(1)}, ${dev(2)}, ${dev(3)}`));
    const entries = (await inject(dev(3), { type: 'server.log', message: 'tick 1' }, { type: 'agent.log', message: 'two\nlines' })).data;
    await inject(dev(1), { type: 'agent.error', message: 'boom' });
    await p.waitFor(/boom\n/);
    expect(p.out()).toContain(`[${dev(3)}] ${entries[0].ts} [server.log] tick 1\n"""\n  [${dev(3)}] ${entries[1].ts} [agent.log] two\n  lines\n"""\n[${dev(1)}] `);
    expect(p.out()).toMatch(new RegExp(`\\[${dev(1)}\\] \\S+Z \\[agent.error\\] boom\\n$`));
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
    expect(p.out()).toMatch(/boom\nIMPT COMMAND SUCCEEDS\n$/);
  });

  it('prints only the lines in minimal mode and only the raw objects in json mode; SIGTERM ends cleanly too', async () => {
    const min = stream(['log', 'stream', '-d', 's4', '-z', 'minimal']);
    await injectUntil(min, dev(4), /minimal line/, { type: 'server.log', message: 'minimal line' });
    min.child.kill('SIGTERM');
    expect(await min.exited).toBe(0);
    expect(min.out()).toMatch(new RegExp(`^(\\[${dev(4)}\\] \\S+Z \\[server.log\\] minimal line\\n)+$`));

    const json = stream(['log', 'stream', '-d', 's4', '-z', 'json']);
    await injectUntil(json, dev(4), /json line/, { type: 'status', message: 'json line' });
    json.child.kill('SIGINT');
    expect(await json.exited).toBe(0);
    const objects = json.out().split(/(?<=^\})\n/m).filter((s) => s.trim()).map((s) => JSON.parse(s));
    expect(objects.length).toBeGreaterThan(0);
    expect(objects[0]).toEqual({ device_id: dev(4), ts: expect.any(String), log_type: 'development', type: 'status', msg: 'json line' });
    expect(json.out()).toBe(objects.map((o) => `${JSON.stringify(o, null, 2)}\n`).join(''));

    const term = stream(['log', 'stream', '-d', 's4']);
    await term.waitFor(/Press <Ctrl-C> to exit.\n/);
    term.child.kill('SIGTERM');
    expect(await term.exited).toBe(0);
    expect(term.out()).toBe(`${OPENED(dev(4))}IMPT COMMAND SUCCEEDS\n`);
  });

  it('keeps a quiet stream open: no data for several seconds is not a lost connection', async () => {
    const p = stream(['log', 'stream', '-d', 's3']);
    await p.waitFor(/Press <Ctrl-C> to exit.\n/);
    // longer than a pooled HTTP socket's idle timeout (5 s), shorter than the server's keep-alive ping (15 s)
    await new Promise((r) => setTimeout(r, 6500));
    // the stream has been open since the opening block: one line is enough
    await inject(dev(3), { type: 'server.log', message: 'still here' });
    await p.waitFor(/still here\n/);
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
    expect(p.out()).toMatch(new RegExp(`^${OPENED(dev(3)).replace(/[.()]/g, '\\$&')}\\[${dev(3)}\\] \\S+Z \\[server.log\\] still here\\nIMPT COMMAND SUCCEEDS\\n$`));
  });

  it('ends on Ctrl-C typed on a terminal', async () => {
    const p = startImpt(['log', 'stream', '-d', 's2'], { home, tty: true });
    running.push(p);
    await p.waitFor(/Press <Ctrl-C> to exit.\n/);
    p.child.stdin.write('\u0003');
    expect(await p.exited).toBe(0);
    expect(p.out().replace('^C', '')).toBe(`${OPENED(dev(2))}IMPT COMMAND SUCCEEDS\n`);
  });

  it('lists five devices then "..." and receives the five most recently added (the API limit)', async () => {
    const dg = await groupWith(dev(3), dev(4), dev(5), dev(6), dev(7), dev(8));
    const p = stream(['log', 'stream', '-g', dg.id]);
    await p.waitFor(/Press <Ctrl-C> to exit.\n/);
    expect(p.out()).toBe(OPENED(`${dev(3)}, ${dev(4)}, ${dev(5)}, ${dev(6)}, ${dev(7)}, ...`));
    await inject(dev(3), { type: 'server.log', message: 'evicted' });
    await inject(dev(8), { type: 'server.log', message: 'kept' });
    await p.waitFor(/kept\n/);
    expect(p.out()).not.toContain('evicted');
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
  });

  it('ends with "The log stream is closed." when the server closes the stream', async () => {
    const p = stream(['log', 'stream', '-d', 's5']);
    await p.waitFor(/Press <Ctrl-C> to exit.\n/);
    // one stream per account: a new one closes this one
    expect((await api.post('/logstream')).status).toBe(201);
    expect(await p.exited).toBe(0);
    expect(p.out()).toBe(`${OPENED(dev(5))}The log stream is closed.\nIMPT COMMAND SUCCEEDS\n`);
  });

  it('reports a dropped connection, reconnects with a new stream and goes on printing', async () => {
    const p = stream(['log', 'stream', '-d', 's6']);
    await p.waitFor(/Press <Ctrl-C> to exit.\n/);
    // drop the event-stream connections (not the API calls that reopen it)
    await emu.admin('POST', 'faults', { drop_rate: 1, routes: '^/v5/logstream/[0-9a-f]+$' });
    await p.waitFor(/The log stream is lost. Trying to reconnect...\n/);
    expect(p.out()).toMatch(/Press <Ctrl-C> to exit.\nError: The log stream connection was interrupted: .+\nThe log stream is lost. Trying to reconnect...\n/);
    // the first attempt to reopen falls within the fault and is retried
    await p.waitFor(/Trying to reconnect...\n(Error: .+\n)+/);
    await emu.admin('DELETE', 'faults');
    await p.waitFor(new RegExp(`Trying to reconnect...\\n(Error: .+\\n)+${OPENED(dev(6)).replace(/[.()]/g, '\\$&')}`));
    await injectUntil(p, dev(6), /after reconnect/, { type: 'server.log', message: 'after reconnect' });
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
    expect(p.out()).toMatch(/after reconnect\nIMPT COMMAND SUCCEEDS\n$/);
  });

  it('falls back to the Project file Device Group and reports missing devices and groups', async () => {
    const dg = await groupWith(dev(7));
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, '.impt.project'), JSON.stringify({ deviceGroupId: dg.id, deviceFile: 'd.nut', agentFile: 'a.nut' }));
    const p = stream(['log', 'stream'], { cwd });
    await p.waitFor(/Press <Ctrl-C> to exit.\n/);
    expect(p.out()).toBe(OPENED(dev(7)));
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);

    const run = (args: string[], cwdDir = home) => runImpt(['log', 'stream', ...args], { home, cwd: cwdDir });
    expect((await run([])).stdout).toBe('Error: No Device Identifier is specified.\nIMPT COMMAND FAILS\n');
    const empty = await groupWith();
    const none = await run(['-g', empty.id]);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('Error: No Device Identifier is specified.\nIMPT COMMAND FAILS\n');
    expect((await run(['-g', 'NoSuchDg', '-z', 'json'])).stdout).toBe('{\n  "Error": "Device Group \\"NoSuchDg\\" is not found."\n}\n');
    expect((await run(['-d', 's1', '-d', 'nope'])).stdout).toBe('Error: Device "nope" is not found.\nIMPT COMMAND FAILS\n');
    const corrupted = tempDir();
    fs.writeFileSync(path.join(corrupted, '.impt.project'), '[]');
    expect((await run([], corrupted)).stdout).toBe('Error: Project File is corrupted.\nIMPT COMMAND FAILS\n');
  });

  it('an empty --dg is no Device Group (the Project file\'s, when there is one); an empty --device no Device', async () => {
    const run = (args: string[], cwdDir = home) => runImpt(['log', 'stream', ...args], { home, cwd: cwdDir });
    const noDg = 'Error: No Device Group Identifier is specified.\nIMPT COMMAND FAILS\n';
    expect((await run(['--dg', ''])).stdout).toBe(noDg);
    expect((await run(['-g', '', '-d', dev(7)])).stdout).toBe(noDg);
    const other = await groupWith(dev(4));
    expect((await run(['-g', other.id, '-g', ''])).stdout).toBe(noDg);
    expect((await run(['-d', ''])).stdout).toBe('Error: No Device Identifier is specified.\nIMPT COMMAND FAILS\n');
    // with a Project file, the empty value stands for its group
    const dg = await groupWith(dev(5));
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, '.impt.project'), JSON.stringify({ deviceGroupId: dg.id, deviceFile: 'd.nut', agentFile: 'a.nut' }));
    const p = stream(['log', 'stream', '-g', ''], { cwd });
    await p.waitFor(/Press <Ctrl-C> to exit.\n/);
    expect(p.out()).toBe(OPENED(dev(5)));
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
  });
});

describe('device restart --log', () => {
  it('restarts, then streams the device like log stream', async () => {
    await groupWith(dev(8));
    const p = stream(['device', 'restart', '-d', 's8', '--log']);
    await p.waitFor(/Press <Ctrl-C> to exit.\n/);
    expect(p.out()).toBe(`Restart request for Device "s8" is successful.\n${OPENED(dev(8))}`);
    await injectUntil(p, dev(8), /after restart/, { type: 'server.log', message: 'after restart' });
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
    expect(p.out()).toMatch(/after restart\nIMPT COMMAND SUCCEEDS\n$/);
  });
});
