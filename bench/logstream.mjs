// Log stream benchmark: lines per second from the emulator through
// `impt log stream` to a piped stdout, and the peak memory (RSS high-water
// mark) of impt, for a fast reader and for a reader that stalls for two
// seconds (stdout back-pressure). Prints figures; no assertions.
// Usage: node bench/logstream.mjs [lines=100000] [batch=1000]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from './emulator-process.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LINES = Number(process.argv[2] ?? 100_000);
const BATCH = Number(process.argv[3] ?? 1000);
const DEVICE = '30000c2a690c0001';


/** Peak resident memory of a process in MiB (Linux /proc; undefined elsewhere). */
function peakRssMiB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) used by a process so far (Linux /proc; undefined elsewhere). */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

/** Posts the lines in batches, a few requests at a time, so that the emulator is not the only limit. */
async function inject(origin, count) {
  const starts = [];
  for (let s = 0; s < count; s += BATCH) starts.push(s);
  let next = 0;
  const worker = async () => {
    while (next < starts.length) await post(origin, starts[next++], count);
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

async function post(origin, sent, count) {
  const n = Math.min(BATCH, count - sent);
  // an explicit ts stores the line directly (no simulated device runtime)
  const ts = new Date().toISOString();
  const lines = Array.from({ length: n }, (_, i) => ({ type: 'server.log', message: `bench line ${sent + i + 1}`, ts }));
  const res = await fetch(`${origin}/_emulator/devices/${DEVICE}/logs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lines }),
  });
  if (!res.ok) throw new Error(`inject: HTTP ${res.status} ${await res.text()}`);
}

async function run(emu, home, stallMs) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'impt.js'), 'log', 'stream', '-d', DEVICE], {
    cwd: home,
    env: { ...process.env, HOME: home, IMPT_ENDPOINT: emu.url, IMPT_USER: 'demo', IMPT_PASSWORD: 'demo' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let received = 0;
  let tail = '';
  let ready;
  const opened = new Promise((r) => (ready = r));
  let done;
  const finished = new Promise((r) => (done = r));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    const text = tail + chunk;
    const parts = text.split('\n');
    tail = parts.pop();
    for (const p of parts) {
      if (p === 'Press <Ctrl-C> to exit.') ready();
      else if (p.includes('bench line')) {
        if (received++ === 0 && stallMs) {
          // a reader that stops: impt must hold back instead of buffering everything
          child.stdout.pause();
          setTimeout(() => child.stdout.resume(), stallMs);
        }
        if (received === LINES) done();
      }
    }
  });
  await opened;
  const cpu0 = cpuSeconds(child.pid);
  const t0 = performance.now();
  await inject(emu.origin, LINES);
  const injectedMs = performance.now() - t0;
  await finished;
  const totalMs = performance.now() - t0;
  const peak = peakRssMiB(child.pid);
  const cpu1 = cpuSeconds(child.pid);
  const cpu = cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0;
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  return { injectedMs, totalMs, peak, cpu };
}

const emu = await startEmulator(['--in-memory', '--rate-limit', '1000000000']);
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'impt-logbench-'));
try {
  const fmt = (n) => n.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  for (const [label, stall] of [
    ['fast reader', 0],
    ['reader stalled 2 s', 2000],
  ]) {
    const r = await run(emu, home, stall);
    const rate = (LINES / r.totalMs) * 1000;
    console.log(
      `${label}: ${fmt(LINES)} lines in ${(r.totalMs / 1000).toFixed(2)} s = ${fmt(rate)} lines/s end to end ` +
        `(injection took ${(r.injectedMs / 1000).toFixed(2)} s); impt CPU ${r.cpu === undefined ? 'n/a' : `${r.cpu.toFixed(2)} s = ${fmt(LINES / r.cpu)} lines per CPU-second`}; ` +
        `peak RSS of impt ${r.peak === undefined ? 'n/a' : `${r.peak.toFixed(1)} MiB`}`,
    );
  }
} finally {
  emu.child.kill('SIGTERM');
  fs.rmSync(home, { recursive: true, force: true });
}
