#!/usr/bin/env node
// Startup cost of impt next to bare node: median wall time of
// `impt --version`, `impt --help`, and of commands that make few requests,
// `impt product list` (one) and `impt device info` (against a local emulator),
// runs alternated with `node -e 0`, reported as ratios to the median of
// bare node (and, less sensitive to other work on the machine, the ratio of
// the first quartiles, and the median of each run's ratio to the bare node
// run just before it). impt's first run of a command in the temporary HOME
// writes its code cache there; the other runs read it, as an installed
// impt's do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from './emulator-process.mjs';

const root = new URL('..', import.meta.url).pathname;
const impt = join(root, 'bin/impt.js');
const RUNS = Number(process.env.RUNS ?? 21);

function time(args, env) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)];


const emu = await startEmulator();
const home = mkdtempSync(join(tmpdir(), 'impt-bench-'));
const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, '.cache') };
for (const k of Object.keys(env)) if (k.startsWith('IMPT_')) delete env[k];
// logged in once, as a user is: a command then makes its requests with the
// saved token (`product list`: one request), with no login of its own
time([impt, 'auth', 'login', '--endpoint', emu.url, '--user', 'demo', '--pwd', 'demo'], env);
const cases = {
  'impt --version': [impt, '--version'],
  'impt --help': [impt, '--help'],
  'impt product list': [impt, 'product', 'list'],
  // a device of the emulator's seed, by id (the device and its owner: two
  // requests) and by name (a 404 on the name as an id is skipped for a
  // name that cannot be one, then the list, the match re-read by id and
  // the owner: three)
  'impt device info -d <id>': [impt, 'device', 'info', '-d', '30000c2a690c0001'],
  'impt device info -d <name>': [impt, 'device', 'info', '-d', 'demo-device-1'],
};
const results = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
// each run's ratio to the bare node run just before it
const paired = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
const bare = [];
for (let i = 0; i < RUNS; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const b = time(['-e', '0'], env);
    bare.push(b);
    results[name].push(time(args, env));
    paired[name].push(results[name].at(-1) / b);
  }
}
emu.child.kill();
rmSync(home, { recursive: true, force: true });
const base = quantile(bare, 0.5);
const base25 = quantile(bare, 0.25);
console.log(`node -e 0                    ${base.toFixed(1)} ms  (first quartile ${base25.toFixed(1)} ms)`);
for (const [name, xs] of Object.entries(results)) {
  const m = quantile(xs, 0.5);
  const q = quantile(xs, 0.25);
  const p = quantile(paired[name], 0.5);
  console.log(`${name.padEnd(28)} ${m.toFixed(1)} ms  ${(m / base).toFixed(2)}x bare node  (first quartiles: ${(q / base25).toFixed(2)}x, median of paired runs: ${p.toFixed(2)}x)`);
}
