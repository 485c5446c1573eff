#!/usr/bin/env node
// `impt test run` on a sample library with 50 test methods (one device test
// file: 35 synchronous and 15 asynchronous methods in two test cases, the
// library as device source) against a local emulator with its default boot
// delay (2 s); the wall time of the whole command, best and median of RUNS
// (default 3). Goal: under 10 s. A session costs at least 4 s of waiting:
// the device's boot delay and the 2 s impt's bootstrap waits before run().
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from './emulator-process.mjs';

const root = new URL('..', import.meta.url).pathname;
const impt = join(root, 'bin/impt.js');
const RUNS = Number(process.env.RUNS ?? 3);
const GOAL_S = 10;


const dir = mkdtempSync(join(tmpdir(), 'impt-bench-testrun-'));
const env = { ...process.env, HOME: dir, IMPT_ENDPOINT: '', IMPT_USER: 'demo', IMPT_PASSWORD: 'demo' };
function impt_(args) {
  const r = spawnSync(process.execPath, [impt, ...args], { cwd: dir, env, encoding: 'utf8' });
  return r;
}

// the sample library: a ring buffer, and tests of it
writeFileSync(
  join(dir, 'ring.nut'),
  `class Ring {
  _items = null; _start = 0; _size = 0;
  constructor(capacity) { _items = array(capacity); }
  function push(v) { _items[(_start + _size) % _items.len()] = v; if (_size < _items.len()) _size++; else _start = (_start + 1) % _items.len(); }
  function get(i) { if (i < 0 || i >= _size) throw "index out of range"; return _items[(_start + i) % _items.len()]; }
  function len() { return _size; }
  function toarray() { local a = []; for (local i = 0; i < _size; i++) a.push(get(i)); return a; }
}
`,
);
mkdirSync(join(dir, 'tests'));
const methods = (from, to, body) => Array.from({ length: to - from }, (_, i) => `  function test${String(from + i).padStart(2, '0')}() {\n${body(from + i)}\n  }`).join('\n');
writeFileSync(
  join(dir, 'tests/ring.test.nut'),
  `class RingTest extends ImpTestCase {\n  ring = null;\n  function setUp() { ring = Ring(8); }\n${methods(0, 35, (n) => `    local r = Ring(${(n % 7) + 1});\n    for (local i = 0; i < ${n + 5}; i++) r.push(i);\n    this.assertEqual(${Math.min((n % 7) + 1, n + 5)}, r.len());\n    this.assertEqual(${n + 4}, r.get(r.len() - 1));\n    this.assertThrowsError(r.get, r, [-1]);`)}\n}\n`,
);
appendFileSync(
  join(dir, 'tests/ring.test.nut'),
  `class RingAsyncTest extends ImpTestCase {\n${methods(35, 50, (n) => `    local self = this;\n    return Promise(function(ok, err) { imp.wakeup(0, function() { local r = Ring(3); r.push(${n}); self.assertDeepEqual([${n}], r.toarray()); ok(); }); });`)}\n}\n`,
);
const emu = await startEmulator();
env.IMPT_ENDPOINT = emu.url;
try {
  const product = JSON.parse(impt_(['product', 'create', '-n', 'bench', '-z', 'json']).stdout).Product.id;
  impt_(['dg', 'create', '-n', 'bench-dg', '-p', product]);
  impt_(['device', 'assign', '-d', '30000c2a690c0001', '-g', 'bench-dg', '-q']);
  const created = impt_(['test', 'create', '-g', 'bench-dg', '-x', 'ring.nut', '-q']);
  if (created.status !== 0) throw new Error(created.stdout);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = impt_(['test', 'run', '-z', 'minimal']);
    times.push(Number(process.hrtime.bigint() - t) / 1e9);
    const tests = [...r.stdout.matchAll(/Tests: (\d+), Assertions: \d+, Failures: (\d+)/g)];
    const count = tests.reduce((n, m) => n + Number(m[1]), 0);
    if (r.status !== 0 || count !== 50) throw new Error(`impt test run failed (${count} tests):\n${r.stdout}`);
  }
  times.sort((a, b) => a - b);
  const best = times[0];
  const median = times[Math.floor(times.length / 2)];
  console.log(`impt test run, 50 test methods (one session): best ${best.toFixed(2)} s, median ${median.toFixed(2)} s over ${RUNS} runs (goal < ${GOAL_S} s) ${median < GOAL_S ? 'OK' : 'SLOW'}`);
} finally {
  emu.child.kill();
  rmSync(dir, { recursive: true, force: true });
}
