// A long-running impt (log stream, paging) whose output is watched while it
// runs, on pipes or on a pseudo-terminal (util-linux `script`).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cleanEnv, IMPT_BIN, spawnOnTerminal } from '../helpers/impt.js';

export interface Running {
  child: ChildProcessWithoutNullStreams;
  /** everything printed on stdout so far */
  out(): string;
  /** resolves when stdout matches (counting from the start); rejects after `ms`, a guard against a hung impt */
  waitFor(re: RegExp, ms?: number): Promise<void>;
  /** resolves with the exit code */
  exited: Promise<number | null>;
}

export function startImpt(args: string[], opts: { home: string; cwd?: string; env?: Record<string, string>; tty?: boolean }): Running {
  const cwd = opts.cwd ?? opts.home;
  const child = opts.tty
    ? spawnOnTerminal(args, { cwd, home: opts.home, env: opts.env })
    : spawn(process.execPath, [IMPT_BIN, ...args], { cwd, env: cleanEnv({ HOME: opts.home, TERM: 'dumb', ...opts.env }), stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => undefined);
  let stdout = '';
  const watchers = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    // a terminal adds carriage returns, and echoes what is typed
    stdout += opts.tty ? d.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '') : d;
    // and shows the progress spinner (stderr is the terminal too)
    if (opts.tty) stdout = stdout.replace(/[|/\\-] Contacting impCentral\.\.\./g, '');
    watchers.forEach((w) => w());
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  // a guard against a hung impt, not a limit on a slow one
  const killer = setTimeout(() => child.kill('SIGKILL'), 300_000);
  void exited.then(() => clearTimeout(killer));
  return {
    child,
    out: () => stdout,
    exited,
    waitFor(re, ms = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!re.test(stdout)) return;
          clearTimeout(timer);
          watchers.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`timed out waiting for ${re}; output so far:\n${stdout}`));
        }, ms);
        watchers.add(check);
        check();
      });
    },
  };
}
