// Starts the built impt-emulator as a child process on a free port, for the
// benchmarks: resolves once it prints its listening line, with the API URL,
// the origin of its admin routes and the time the start took.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(new URL('..', import.meta.url).pathname, 'bin', 'impt-emulator.js');

/** `args` after `start --port 0` (default: an in-memory emulator). */
export function startEmulator(args = ['--in-memory']) {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'start', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)\n/.exec(out);
      if (m) resolve({ child, url: m[1], origin: m[1].replace(/\/v5$/, ''), ms: Number(process.hrtime.bigint() - t0) / 1e6 });
    });
    child.once('exit', (code) => reject(new Error(`emulator exited ${code}`)));
  });
}
