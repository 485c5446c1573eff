// A long-running impt (log stream, paging) whose output is watched while it runs.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cleanEnv, IMPT_BIN } from '../helpers/impt.js';

export interface Running {
  child: ChildProcessWithoutNullStreams;
  /** everything printed on stdout so far */
  out(): string;
  /** resolves when stdout matches (counting from the start), rejects after `ms` */
  waitFor(re: RegExp, ms?: number): Promise<void>;
  /** resolves with the exit code */
  exited: Promise<number | null>;
}

export function startImpt(args: string[], opts: { home: string; cwd?: string; env?: Record<string, string> }): Running {
  const child = spawn(process.execPath, [IMPT_BIN, ...args], {
    cwd: opts.cwd ?? opts.home,
    env: cleanEnv({ HOME: opts.home, ...opts.env }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  const watchers = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    watchers.forEach((w) => w());
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  void exited.then(() => clearTimeout(killer));
  return {
    child,
    out: () => stdout,
    exited,
    waitFor(re, ms = 10_000) {
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
