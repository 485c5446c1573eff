// Shared set-up of the build and webhook end-to-end tests: one emulator per
// test file with two accounts (demo collaborates on bob's entities) and
// eight demo devices; fixtures are created through the emulator's API.
import { afterAll, beforeAll, expect } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { tempDir, writeAuthFileFor, type ImptResult } from '../helpers/impt.js';
import { answerOnTerminal, type TerminalResult } from '../helpers/terminal.js';
import { runImpt } from '../helpers/in-process.js';
import { client, login } from '../emulator/util.js';

export const dev = (n: number) => `30000c2a6901${String(n).padStart(4, '0')}`;

const SEED = {
  accounts: [
    { username: 'demo', email: 'demo@example.com', password: 'demo', collaborates_on: ['bob'] },
    { username: 'bob', email: 'bob@example.com', password: 'bob' },
  ],
  devices: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ id: dev(n), name: `bd${n}` })),
};

export interface Env {
  emu: EmulatorHandle;
  home: string;
  api: ReturnType<typeof client>;
  bob: ReturnType<typeof client>;
  /** impt in-process (through runCli) with the demo global auth file, in `cwd` (default: a fresh directory) */
  run(args: string[], cwd?: string): Promise<ImptResult>;
  /** a product and a Device Group of `type`, owned by demo (or bob) */
  group(type?: string, owner?: 'demo' | 'bob'): Promise<{ product: any; dg: any }>;
  /** impCentral requests seen by the emulator since the last call (method + path + decoded query) */
  requests(): Promise<string[]>;
}

export function setup(prefix: string): Env {
  let seq = 0;
  const env = {
    run: (args: string[], cwd?: string): Promise<ImptResult> => runImpt(args, { home: env.home, cwd: cwd ?? tempDir() }),
    async group(type = 'development_devicegroup', owner: 'demo' | 'bob' = 'demo') {
      const c = owner === 'bob' ? env.bob : env.api;
      seq += 1;
      const product = await c.createProduct(`${prefix}-p${seq}`);
      const dg = await c.createDg(product.id, type, `${prefix}-g${seq}`);
      return { product, dg };
    },
    async requests() {
      const all = (await env.emu.admin('GET', 'requests')).data as Array<{ method: string; path: string; query: string }>;
      await env.emu.admin('DELETE', 'requests');
      return all.map((r) => `${r.method} ${r.path}${r.query ? `?${decodeURIComponent(r.query)}` : ''}`);
    },
  } as Env;
  beforeAll(async () => {
    env.emu = await startEmulator({ seed: SEED, inMemory: true });
    env.home = tempDir();
    await writeAuthFileFor(env.home, env.emu.url);
    env.api = client(env.emu, await login(env.emu));
    env.bob = client(env.emu, await login(env.emu, 'bob', 'bob'));
  });
  afterAll(() => env.emu?.stop());
  return env;
}

export function ok(r: ImptResult): string {
  expect(r.code, r.stdout).toBe(0);
  return r.stdout;
}

/** A runtime failure: the error line, the status line in text modes, no stack trace. */
export function fails(r: ImptResult, message: string, mode: 'default' | 'minimal' | 'json' = 'default'): string {
  expect(r.code, r.stdout).toBe(1);
  if (mode === 'json') expect(r.stdout).toContain(JSON.stringify({ Error: message }, null, 2));
  else expect(r.stdout).toContain(`Error: ${message}\n`);
  if (mode === 'default') expect(r.stdout.endsWith('IMPT COMMAND FAILS\n')).toBe(true);
  else expect(r.stdout).not.toContain('IMPT COMMAND');
  expect(r.stdout).not.toMatch(/\n\s+at /);
  return r.stdout;
}

/** A parse-time failure: the help text, then the error and the status line. */
export function usage(r: ImptResult, message: string): void {
  expect(r.code, r.stdout).toBe(1);
  expect(r.stdout).toContain('\nUsage: impt ');
  expect(r.stdout.endsWith(`Error: ${message}\nIMPT COMMAND FAILS\n`)).toBe(true);
}

export const assign = (env: Env, dgId: string, ids: string[]) =>
  env.api.post(`/devicegroups/${dgId}/relationships/devices`, { data: ids.map((id) => ({ type: 'device', id })) });

/** impt on a pseudo-terminal, in the demo HOME, answering its confirmations. */
export function atTerminal(env: Env, args: string[], answers: string[]): Promise<TerminalResult> {
  return answerOnTerminal(args, { cwd: env.home, home: env.home, answers });
}
