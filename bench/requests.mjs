#!/usr/bin/env node
// HTTP requests impt makes for each Production Guide step (read from the
// emulator's request log) with the step's wall time; then `impt device list`
// over 10,000 emulator devices: wall time and peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { productionGuide } from '../scripts/production-guide.mjs';
import { callAdmin, IMPT, runImpt, startEmulator, startListener } from '../scripts/local-run.mjs';

const work = mkdtempSync(join(tmpdir(), 'impt-bench-'));
const home = join(work, 'home');
mkdirSync(home);

async function guide() {
  const emu = await startEmulator();
  const hooks = await startListener();
  const rows = [];
  const impt = async (args, opts = {}) => {
    await callAdmin(emu.origin, 'DELETE', 'requests');
    const t = performance.now();
    const r = await runImpt(args, { cwd: work, home, json: opts.json });
    const ms = performance.now() - t;
    const log = await callAdmin(emu.origin, 'GET', 'requests');
    const ok = opts.expectFail ? r.code !== 0 : r.code === 0;
    rows.push({ step: `impt ${args.filter((a) => !a.startsWith(work)).join(' ')}`.slice(0, 90), requests: log.data?.data?.length ?? NaN, ms, ok });
    return r;
  };
  const admin = async (method, path, body) => (await callAdmin(emu.origin, method, path, body)).data;
  try {
    await productionGuide({ impt, admin, section: () => undefined, dir: work, endpoint: emu.url, hooksUrl: hooks.url });
  } finally {
    emu.child.kill();
    hooks.server.close();
  }
  console.log('Production Guide: HTTP requests and wall time per step');
  console.log('("!" marks a step that did not end as expected)');
  for (const r of rows) console.log(`${String(r.requests).padStart(4)} req ${r.ms.toFixed(0).padStart(6)} ms  ${r.ok ? ' ' : '!'} ${r.step}`);
  const total = rows.reduce((a, r) => a + r.requests, 0);
  console.log(`total: ${total} requests in ${rows.length} commands`);
}

async function deviceList() {
  const seed = join(work, 'seed.json');
  writeFileSync(seed, JSON.stringify({ accounts: [{ username: 'demo', email: 'demo@example.com', password: 'demo' }], generated_devices: 10000 }));
  const emu = await startEmulator(['--in-memory', '--seed', seed]);
  try {
    await runImpt(['auth', 'login', '--endpoint', emu.url, '--user', 'demo', '--pwd', 'demo', '-q'], { cwd: work, home });
    const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    for (const mode of ['json', 'minimal']) {
      const t = performance.now();
      const args = [IMPT, 'device', 'list', '-z', mode];
      const r = timeBin
        ? spawnSync(timeBin, ['-f', '%M', process.execPath, ...args], { cwd: work, env: { ...process.env, HOME: home }, encoding: 'utf8', maxBuffer: 1 << 30 })
        : spawnSync(process.execPath, args, { cwd: work, env: { ...process.env, HOME: home }, encoding: 'utf8', maxBuffer: 1 << 30 });
      const ms = performance.now() - t;
      const peakKb = timeBin ? Number(r.stderr.trim().split('\n').pop()) : NaN;
      const count = mode === 'json' ? JSON.parse(r.stdout).length : (r.stdout.match(/^Device: /gm) ?? []).length;
      console.log(`impt device list -z ${mode} over 10,000 devices: ${count} listed, ${ms.toFixed(0)} ms, peak RSS ${(peakKb / 1024).toFixed(1)} MiB`);
    }
  } finally {
    emu.child.kill();
  }
}

try {
  await guide();
  await deviceList();
} finally {
  rmSync(work, { recursive: true, force: true });
}
