// Shared setup of the dg/product end-to-end tests: one emulator with two
// accounts (demo collaborates on acme-ops), twenty demo devices (one
// offline) and helpers to build products, groups, deployments and
// assignments directly through the emulator's API.
import fs from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import path from 'node:path';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { impt, tempDir, writeAuthFileFor, type ImptResult } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { client, login } from '../emulator/util.js';

export const DEVICE_IDS = Array.from({ length: 20 }, (_, i) => `40000c2a690c${String(i + 1).padStart(4, '0')}`);
export const OFFLINE_DEVICE = DEVICE_IDS[19]!;

export const SEED = {
  accounts: [
    { username: 'demo', email: 'demo@example.com', password: 'demo', unbond_key: 'demo-unbond-key', collaborates_on: ['acme-ops'] },
    { username: 'acme-ops', email: 'ops@acme.example', password: 'ops' },
  ],
  devices: DEVICE_IDS.map((id, i) => ({ id, name: `dev-${i + 1}`, device_online: id !== OFFLINE_DEVICE })),
};

export type Client = ReturnType<typeof client>;

export interface World {
  emu: EmulatorHandle;
  home: string;
  demo: Client;
  ops: Client;
  opsId: string;
  /** runs impt in-process as demo (global auth file) in `cwd` (default: a fresh directory) */
  run(args: string[], cwd?: string): Promise<ImptResult>;
  /** the same, as a child process running the built binary (for what only a process shows) */
  spawn(args: string[], cwd?: string): Promise<ImptResult>;
  /** a unique name */
  name(prefix: string): string;
  /** a directory holding a Project file for `dgId` (or raw `content`) */
  projectDir(dgId: string | null, content?: string): string;
  /** requests the emulator received while `fn` ran (method + path + query) */
  requests(fn: () => Promise<unknown>): Promise<string[]>;
  /** the next free device ids (each handed out once) */
  devices(n: number): string[];
}

let counter = 0;

export async function startWorld(): Promise<World> {
  const emu = await startEmulator({ seed: SEED, inMemory: true });
  const home = tempDir('impt-home-');
  await writeAuthFileFor(home, emu.url);
  const demo = client(emu, await login(emu, 'demo', 'demo'));
  const ops = client(emu, await login(emu, 'acme-ops', 'ops'));
  const opsId = (await ops.get('/accounts/me')).body.data.id as string;
  let nextDevice = 0;
  return {
    emu,
    home,
    demo,
    ops,
    opsId,
    run: (args, cwd) => runImpt(args, { home, cwd: cwd ?? tempDir('impt-cwd-') }),
    spawn: (args, cwd) => impt(args, { home, cwd: cwd ?? tempDir('impt-cwd-') }),
    name: (prefix) => `${prefix}-${process.pid}-${++counter}`,
    projectDir(dgId, content) {
      const dir = tempDir('impt-project-');
      const text = content ?? JSON.stringify({ deviceGroupId: dgId, deviceFile: 'device.nut', agentFile: 'agent.nut' }, null, 2);
      fs.writeFileSync(path.join(dir, '.impt.project'), text);
      return dir;
    },
    async requests(fn) {
      await emu.admin('DELETE', 'requests');
      await fn();
      const log = (await emu.admin('GET', 'requests')).data as Array<{ method: string; path: string; query: string }>;
      return log.map((r) => `${r.method} ${r.path.replace(/^\/v5/, '')}${r.query ? `?${decodeURIComponent(r.query)}` : ''}`);
    },
    devices(n) {
      if (nextDevice + n > DEVICE_IDS.length - 1) throw new Error('out of seeded devices');
      const ids = DEVICE_IDS.slice(nextDevice, nextDevice + n);
      nextDevice += n;
      return ids;
    },
  };
}

/**
 * The world of a test file: started before its tests (then `setup`, which
 * may use it), stopped after them. Filled in place, so the returned object
 * can be used by the file's tests and helpers.
 */
export function useWorld(setup?: () => Promise<void>): World {
  const w = {} as World;
  beforeAll(async () => {
    Object.assign(w, await startWorld());
    await setup?.();
  });
  afterAll(async () => {
    await w.emu?.stop();
  });
  return w;
}

/** Waits long enough for the next `created_at` to differ (ms resolution). */
export const tick = () => new Promise((r) => setTimeout(r, 5));

/** Assigns devices to a group through the API. */
export async function assign(c: Client, dgId: string, ids: string[]): Promise<void> {
  const r = await c.post(`/devicegroups/${dgId}/relationships/devices`, { data: ids.map((id) => ({ type: 'device', id })) });
  if (r.status !== 204) throw new Error(`assign: ${r.status} ${JSON.stringify(r.body)}`);
}

/** Creates a `deployment` webhook of a group through the API (attributes may be overridden). */
export async function createWebhook(c: Client, dg: { id: string; type: string }, attrs: Record<string, unknown> = {}): Promise<any> {
  const r = await c.post('/webhooks', {
    data: {
      type: 'webhook',
      attributes: { url: 'https://example.com/hook', event: 'deployment', content_type: 'application/json', ...attrs },
      relationships: { devicegroup: { type: dg.type, id: dg.id } },
    },
  });
  return r.body.data;
}

/** Strips the status line and parses json output. */
export function json(r: ImptResult): any {
  return JSON.parse(r.stdout);
}

export const SUCCEEDS = 'IMPT COMMAND SUCCEEDS';
export const FAILS = 'IMPT COMMAND FAILS';

/** A failing command in default mode: the `Error: …` line, `IMPT COMMAND FAILS`, exit 1, no stack trace. */
export function expectFailure(r: ImptResult, message: string): void {
  expect(r.stdout).toContain(`Error: ${message}\n`);
  expect(r.stdout.trimEnd().endsWith(FAILS)).toBe(true);
  expect(r.stdout).not.toMatch(/\n\s+at /);
  expect(r.code).toBe(1);
}
