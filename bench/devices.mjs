// Devices running code at scale: an emulator with many simulated devices and
// agents running Squirrel, measured from outside while the emulated clock
// runs in real time. Prints CPU use and RSS of the emulator process and the
// latency (p50/p99/max) of plain GETs made meanwhile; no assertions.
//
//   heartbeat: N devices (default 1000), each device code a timer every second
//              sending a message to its agent, each agent logging a line
//   busy:      M devices (default 100) in busy loops: half `while (true) {}` at
//              the top level (the watchdog stops them, they restart 10 s later),
//              half `imp.wakeup(0, busy)` loops that are always ready to run
//
// Usage: node bench/devices.mjs [--devices N] [--busy M] [--seconds S] [--data-dir]
//        [--only heartbeat|busy]
// Goals on the 2-core development machine: RSS under 1 GiB with 1000 devices,
// GET p99 under 100 ms in both scenarios.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'impt-emulator.js');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? def : args[i + 1];
};
const DEVICES = Number(opt('devices', 1000));
const BUSY = Number(opt('busy', 100));
const SECONDS = Number(opt('seconds', 30));
const ONLY = opt('only', null);
const DATA_DIR = args.includes('--data-dir');

const HEARTBEAT_DEVICE = `
local n = 0;
function beat() {
  n++;
  agent.send("beat", n);
  imp.wakeup(1, beat);
}
beat();
`;
const HEARTBEAT_AGENT = `device.on("beat", function(n) { server.log("beat " + n); });`;
const SPIN_DEVICE = `while (true) {}`;
const BUSY_DEVICE = `
local turns = 0;
function busy() {
  local x = 0;
  for (local i = 0; i < 2000; i++) x += i;
  turns++;
  imp.wakeup(0, busy);
}
busy();
`;

const CLK_TCK = 100;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function start(dir) {
  return new Promise((resolve, reject) => {
    const argv = [BIN, 'start', '--host', '127.0.0.1', '--port', '0', '--rate-limit', '1000000000', ...(dir ? ['--data-dir', dir] : ['--in-memory'])];
    // the default boot delay (2 s): boots go through the scheduler in slices
    // IMPT_BENCH_NODE_ARGS: extra node options for the emulator (e.g. --trace-gc)
    const nodeArgs = (process.env.IMPT_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const logFile = nodeArgs.length ? path.join(os.tmpdir(), `impt-bench-emulator-${child.pid}.log`) : null;
    if (logFile) console.log(`emulator output (node ${nodeArgs.join(' ')}): ${logFile}`);
    child.stdout.on('data', (d) => {
      if (logFile) fs.appendFileSync(logFile, d);
      if (out.length > 65536) return;
      out += d;
      const m = /listening on (http:\/\/\S+)\n/.exec(out);
      if (m) resolve({ child, url: m[1], origin: new URL(m[1]).origin });
    });
    child.once('exit', (code) => reject(new Error(`emulator exited ${code}`)));
  });
}
const stop = (child) => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); });

function procStats(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpu = (Number(f[11]) + Number(f[12])) / CLK_TCK;
  const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  return { cpu, rss };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
function timedGet(url, token) {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
      })
      .on('error', reject);
  });
}

async function api(emu, token, method, p, body) {
  const res = await fetch(emu.url + p, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.api+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function admin(emu, method, p, body) {
  const res = await fetch(`${emu.origin}/_emulator/${p}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  if (!res.ok) throw new Error(`admin ${method} ${p}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A device group running `code` on `count` new devices. */
async function fleet(emu, token, product, name, count, deviceCode, agentCode) {
  const dg = (await api(emu, token, 'POST', '/devicegroups', { data: { type: 'development_devicegroup', attributes: { name }, relationships: { product: { type: 'product', id: product } } } })).data;
  await api(emu, token, 'POST', '/deployments', {
    data: { type: 'deployment', attributes: { device_code: deviceCode, agent_code: agentCode }, relationships: { devicegroup: { type: dg.type, id: dg.id } } },
  });
  const devices = (await admin(emu, 'POST', 'devices', { count, name })).data;
  for (let i = 0; i < devices.length; i += 500) {
    const data = devices.slice(i, i + 500).map((d) => ({ type: 'device', id: d.id }));
    await api(emu, token, 'POST', `/devicegroups/${dg.id}/relationships/devices`, { data });
  }
  return { dg, devices };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
const mib = (b) => `${(b / 1048576).toFixed(0)} MiB`;

/** Plain GETs, one every 20 ms, for `seconds`: latencies, non-200 answers, peak RSS. */
async function measure(emu, token, pid, sample, seconds) {
  const lat = [];
  let peak = 0;
  let non200 = 0;
  const deadline = Date.now() + seconds * 1000;
  const paths = ['/products', `/devices/${sample}`, '/devicegroups', '/devices?page[size]=20'];
  let i = 0;
  let nextSample = Date.now();
  while (Date.now() < deadline) {
    const r = await timedGet(emu.url + paths[i++ % paths.length], token);
    lat.push(r.ms);
    if (r.status !== 200) non200++;
    if (Date.now() >= nextSample) {
      peak = Math.max(peak, procStats(pid).rss);
      nextSample = Date.now() + 500;
    }
    await sleep(20);
  }
  lat.sort((a, b) => a - b);
  return { lat, non200, peak };
}

const latencyLine = (m) =>
  `GET x${m.lat.length} (${m.non200} non-200): p50 ${pct(m.lat, 50).toFixed(1)} ms, p99 ${pct(m.lat, 99).toFixed(1)} ms, max ${m.lat[m.lat.length - 1].toFixed(1)} ms`;

async function scenario(title, setup, { ready, restart = false }) {
  const dir = DATA_DIR ? fs.mkdtempSync(path.join(os.tmpdir(), 'impt-devices-bench-')) : null;
  const emu = await start(dir);
  const pid = emu.child.pid;
  const token = (await (await fetch(`${emu.url}/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'demo', password: 'demo' }) })).json()).access_token;
  const product = (await api(emu, token, 'POST', '/products', { data: { type: 'product', attributes: { name: 'bench' } } })).data.id;
  const base = procStats(pid);
  const t0 = Date.now();
  const { sample, dg } = await setup(emu, token, product);
  // every device booted (boot delay, then boots in scheduler slices)
  const bootDeadline = Date.now() + 60_000;
  while (Date.now() < bootDeadline && !ready((await admin(emu, 'GET', `devices/${sample}/imp`)).data.scheduler)) await sleep(250);
  const setupMs = Date.now() - t0;
  await sleep(1000);
  const before = procStats(pid);
  const wall0 = process.hrtime.bigint();
  const steady = await measure(emu, token, pid, sample, SECONDS);
  const wallS = Number(process.hrtime.bigint() - wall0) / 1e9;
  const after = procStats(pid);
  const imp = (await admin(emu, 'GET', `devices/${sample}/imp`)).data;
  const logs = await api(emu, token, 'GET', `/devices/${sample}/logs?page[size]=100`);
  let restarted = null;
  if (restart) {
    await api(emu, token, 'POST', `/devicegroups/${dg}/restart`);
    restarted = await measure(emu, token, pid, sample, 10);
  }
  const final = procStats(pid);
  const health = (await admin(emu, 'GET', 'health')).counts ?? {};
  await stop(emu.child);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  const peak = Math.max(before.rss, steady.peak, after.rss, restarted?.peak ?? 0, final.rss);
  console.log(`\n== ${title}${dir ? ' (data dir)' : ' (in memory)'} ==`);
  console.log(`setup until every device runs: ${setupMs} ms; measured ${wallS.toFixed(1)} s`);
  console.log(`CPU ${(((after.cpu - before.cpu) / wallS) * 100).toFixed(0)}% of one core; RSS idle ${mib(base.rss)}, running ${mib(after.rss)}, peak ${mib(peak)}`);
  console.log(`running: ${latencyLine(steady)}`);
  if (restarted) console.log(`10 s from POST /devicegroups/{id}/restart of all of them: ${latencyLine(restarted)}`);
  console.log(`scheduler: ${JSON.stringify(imp.scheduler)}`);
  console.log(`sample device: ${logs.data.length} recent log lines, newest: ${JSON.stringify(logs.data[0]?.msg ?? null)}; devices: ${health.devices ?? '?'}`);
  return { p99: pct(steady.lat, 99), peak };
}

const results = [];
if (!ONLY || ONLY === 'heartbeat') {
  results.push(
    await scenario(
      `heartbeat: ${DEVICES} devices + agents, a timer a second, a message, an agent log line`,
      async (emu, token, product) => {
        const { dg, devices } = await fleet(emu, token, product, 'heartbeat', DEVICES, HEARTBEAT_DEVICE, HEARTBEAT_AGENT);
        return { sample: devices[0].id, dg: dg.id };
      },
      { ready: (s) => s.timers >= DEVICES, restart: true },
    ),
  );
}
if (!ONLY || ONLY === 'busy') {
  results.push(
    await scenario(
      `busy: ${BUSY} devices in busy loops (${Math.ceil(BUSY / 2)} while(true){}, ${Math.floor(BUSY / 2)} imp.wakeup(0, busy))`,
      async (emu, token, product) => {
        await fleet(emu, token, product, 'spin', Math.ceil(BUSY / 2), SPIN_DEVICE, '');
        const { dg, devices } = await fleet(emu, token, product, 'busy', Math.floor(BUSY / 2), BUSY_DEVICE, '');
        return { sample: devices[0].id, dg: dg.id };
      },
      { ready: (s) => s.tasks > 0 && s.ready + s.timers >= Math.floor(BUSY / 2) },
    ),
  );
}
agent.destroy();
