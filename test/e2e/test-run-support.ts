// What the `impt test run` e2e files share: one emulator per file (devices
// boot at once), a project directory with `.impt.test` and its files, impt
// run in it, and the run's output without its timing prefixes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { impt, tempDir, writeAuthFileFor, type ImptResult } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { client, login } from '../emulator/util.js';

process.env.IMPT_EMULATOR_BOOT_DELAY_MS = '0';

export interface TestRunEnv {
  emu: EmulatorHandle;
  home: string;
  api: ReturnType<typeof client>;
  product: any;
}

export function useTestEmulator(prefix: string, devices: number, offline: number[] = []): TestRunEnv {
  const env = {} as TestRunEnv;
  beforeAll(async () => {
    const seed = {
      accounts: [{ username: 'demo', email: 'demo@example.com', password: 'demo' }],
      devices: Array.from({ length: devices }, (_, i) => ({
        id: `${prefix}${String(i + 1).padStart(4, '0')}`,
        name: `tr${i + 1}`,
        device_online: !offline.includes(i + 1),
      })),
    };
    env.emu = await startEmulator({ seed, inMemory: true });
    env.home = tempDir();
    await writeAuthFileFor(env.home, env.emu.url);
    env.api = client(env.emu, await login(env.emu));
    env.product = await env.api.createProduct(`tr-${prefix}`);
  });
  afterAll(() => env.emu?.stop());
  return env;
}

let seq = 0;

/**
 * While `busy` runs, skips the emulator's idle time: when the devices' VMs
 * have nothing to do but wait for a timer (the bootstrap's 2 s, a test's
 * imp.wakeup), the emulator clock jumps to it. The tool's own watchdogs run
 * on real time and are not affected.
 */
async function skipIdleTime<T>(env: TestRunEnv, deviceIds: string[], busy: Promise<T>): Promise<T> {
  let done = false;
  const finished = busy.finally(() => (done = true));
  const loop = (async () => {
    while (!done) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        let due = Infinity;
        let idle = true;
        for (const id of deviceIds) {
          const imp = (await env.emu.admin('GET', `devices/${id}/imp`))?.data;
          for (const vm of [imp?.device, imp?.agent]) {
            if (!vm) continue;
            if (vm.pending_tasks) idle = false;
            for (const t of vm.timers ?? []) due = Math.min(due, Date.parse(t.due));
          }
        }
        if (!idle || due === Infinity) continue;
        const now = Date.parse((await env.emu.admin('GET', 'clock')).data.now);
        if (due - now > 50) await env.emu.admin('POST', 'clock', { advance_seconds: (due - now + 5) / 1000 });
      } catch {
        // the emulator may be between two states; try again
      }
    }
  })();
  const result = await finished;
  await loop;
  return result;
}

export interface Project {
  dir: string;
  dg: any;
  /**
   * runs `impt test run` in-process (as a child process with `spawn`); the
   * emulator skips idle time unless `realTime`
   */
  run(args?: string[], opts?: { realTime?: boolean; spawn?: boolean; env?: Record<string, string> }): Promise<ImptResult>;
  write(file: string, content: string | object): void;
}

/** A Device Group with these devices and a directory with `.impt.test` (merged with `config`) and `files`. */
export async function project(env: TestRunEnv, deviceIds: string[], files: Record<string, string | object>, config: object = {}): Promise<Project> {
  const dg = await env.api.createDg(env.product.id, 'development_devicegroup', `tr-dg-${++seq}`);
  if (deviceIds.length) await env.api.post(`/devicegroups/${dg.id}/relationships/devices`, { data: deviceIds.map((id) => ({ type: 'device', id })) });
  const dir = tempDir('impt-tr-');
  const write = (file: string, content: string | object) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };
  write('.impt.test', { deviceGroupId: dg.id, timeout: 5, stopOnFail: false, allowDisconnect: false, builderCache: false, testFiles: ['*.test.nut', 'tests/**/*.test.nut'], ...config });
  for (const [f, c] of Object.entries(files)) write(f, c);
  return {
    dir,
    dg,
    write,
    run: (args = [], opts = {}) => {
      const running = opts.spawn
        ? impt(['test', 'run', ...args], { home: env.home, cwd: dir, env: opts.env })
        : runImpt(['test', 'run', ...args], { home: env.home, cwd: dir, env: opts.env });
      return opts.realTime ? running : skipIdleTime(env, deviceIds, running);
    },
  };
}

/** The output without the `[+t/ds kind]` timing (kept as `[kind]`), session ids as `SESSION`. */
export function plain(stdout: string, sessionWords = true): string {
  let s = stdout.replace(/\[\+\d+\.\d\d\/\d+\.\d\ds (\w+)\]/g, '[$1]');
  if (sessionWords) s = s.replace(/"[a-z]+-[a-z]+(-\d+)?"/g, (_m, n: string | undefined) => `"SESSION${n ?? ''}"`);
  return s;
}

/** Only the `[test]` lines, prefixes removed. */
export function testLines(stdout: string): string[] {
  return plain(stdout)
    .split('\n')
    .filter((l) => l.startsWith('[test] '))
    .map((l) => l.slice(7));
}
