// What the project, test-configuration and fallback e2e files share: one
// emulator per file with a collaborating second account, assertions on impt's
// outcome, and impt run on a pseudo-terminal to answer its questions.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { tempDir, writeAuthFileFor, type ImptResult } from '../helpers/impt.js';
import { answerOnTerminal, type TerminalResult } from '../helpers/terminal.js';
import { runImpt } from '../helpers/in-process.js';
import { client, login } from '../emulator/util.js';

/** `demo` collaborates on `bob`'s account; `count` online devices `<prefix>NNNN` named `<name>N`. */
export function seed(prefix: string, count: number, name: string, offline: number[] = []) {
  return {
    accounts: [
      { username: 'demo', email: 'demo@example.com', password: 'demo', collaborates_on: ['bob'] },
      { username: 'bob', email: 'bob@example.com', password: 'bob' },
    ],
    devices: Array.from({ length: count }, (_, i) => ({
      id: `${prefix}${String(i + 1).padStart(4, '0')}`,
      name: `${name}${i + 1}`,
      device_online: !offline.includes(i + 1),
    })),
  };
}

export interface Env {
  emu: EmulatorHandle;
  home: string;
  api: ReturnType<typeof client>;
  bob: ReturnType<typeof client>;
  /** impt in-process (through runCli) with the global auth file of `home`, in `cwd` */
  run(args: string[], cwd: string): Promise<ImptResult>;
  /** assigns devices to a Device Group through the API */
  assign(dgId: string, ...ids: string[]): Promise<unknown>;
}

/** Starts one emulator for the file (beforeAll) and stops it (afterAll). */
export function useEmulator(seedObject: object): Env {
  const env = {} as Env;
  beforeAll(async () => {
    env.emu = await startEmulator({ seed: seedObject, inMemory: true });
    env.home = tempDir();
    await writeAuthFileFor(env.home, env.emu.url);
    env.api = client(env.emu, await login(env.emu));
    env.bob = client(env.emu, await login(env.emu, 'bob', 'bob'));
    env.run = (args, cwd) => runImpt(args, { home: env.home, cwd });
    env.assign = (dgId, ...ids) =>
      env.api.post(`/devicegroups/${dgId}/relationships/devices`, { data: ids.map((id) => ({ type: 'device', id })) });
  });
  afterAll(() => env.emu?.stop());
  return env;
}

export function ok(r: ImptResult): string {
  expect(r.code, r.stdout).toBe(0);
  return r.stdout;
}

/** A runtime failure: `Error: …`, exit 1, no stack trace. */
export function fails(r: ImptResult, message: string): string {
  expect(r.code, r.stdout).toBe(1);
  expect(r.stdout).toContain(`Error: ${message}\n`);
  expect(r.stdout).not.toMatch(/\n\s+at /);
  return r.stdout;
}

/** A parse-time failure: the command's help first, then the error and the status line. */
export function usageFails(r: ImptResult, message: string): void {
  fails(r, message);
  expect(r.stdout).toMatch(/^\nUsage: impt \w+ \w+ /);
  expect(r.stdout.endsWith(`Error: ${message}\nIMPT COMMAND FAILS\n`)).toBe(true);
}

export const has = (dir: string, f: string) => fs.existsSync(path.join(dir, f));
export const readIn = (dir: string, f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
export function writeIn(dir: string, f: string, content: unknown = ''): void {
  fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
  fs.writeFileSync(path.join(dir, f), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

let seq = 0;
/** A name no other test of the file uses. */
export const uniq = (p: string) => `${p}-${++seq}`;

/** First lines of a deletion plan that deletes a Product and one development Device Group. */
export function plannedProductAndGroup(product: any, dg: any): string[] {
  return [
    'The following entities will be deleted:',
    'Product: ',
    `  id:   ${product.id}`,
    `  name: ${product.attributes.name}`,
    'Device Group: ',
    `  id:   ${dg.id}`,
    '  type: development',
    `  name: ${dg.attributes.name}`,
  ];
}

export const CONFIRM = 'Confirmation is required; run the command with --confirmed (-q) in non-interactive use.';

/** impt on a pseudo-terminal answering its questions (by default yes/no confirmations). */
export function imptTty(args: string[], opts: { cwd: string; home: string; answers: string[]; prompts?: string[] }): Promise<TerminalResult> {
  return answerOnTerminal(args, opts);
}
