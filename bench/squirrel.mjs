#!/usr/bin/env node
// Speed of the Squirrel interpreter next to plain JavaScript doing the same work.
// Each program is written once in Squirrel and once in JavaScript; both run in
// this process (warm-up until the JIT has settled, then RUNS timed runs of
// the two sides alternately, best of each; every result is consumed) and the ratio
// Squirrel/JS is printed per program. The team's goal: every ratio ≤ 30.
// Uses the built interpreter: run `node scripts/build.mjs` first (dist/squirrel.js).
// Always exits 0 (it reports, it does not gate); `--json` prints the results as JSON.
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const dist = `${root}dist/squirrel.js`;
if (!existsSync(dist)) {
  console.error('dist/squirrel.js is missing: run `node scripts/build.mjs` first');
  process.exit(0);
}
const { compile, createVM } = await import(dist);

const RUNS = Number(process.env.RUNS ?? 5);
const GOAL = 30;
/** Warm-up per side: at least WARM runs and WARM_MS milliseconds. */
const WARM = Number(process.env.WARM ?? 3);
const WARM_MS = Number(process.env.WARM_MS ?? 300);

// Each program: `setup` (Squirrel, run once) defines a global function `bench`
// whose result is checked against the JS version's result; `js()` returns a
// function doing the same work in JavaScript.
const programs = [
  {
    name: 'fib(27) recursive',
    setup: `
      function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
      function bench() { return fib(27); }`,
    js() {
      const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));
      return () => fib(27);
    },
  },
  {
    name: 'sum of an array of 1e6 integers',
    setup: `
      data <- array(1000000);
      for (local i = 0; i < 1000000; i++) data[i] = i % 1000;
      function bench() {
        local s = 0;
        foreach (v in data) s += v;
        for (local i = 0; i < data.len(); i++) s += data[i];
        return s;
      }`,
    js() {
      // packed (no holes), like the Squirrel array once filled
      const data = Array.from({ length: 1000000 }, (_, i) => i % 1000);
      // Two functions and no for-of: written as one function with for-of, V8
      // (Node 20) compiled the first loop on-stack before the rest had type
      // feedback and then deoptimised on every run, so the JS time jumped
      // between ~1 and ~16 ms from run to run; for-of alone still fell into
      // a ~7 ms deopt state now and then.
      const sumValues = (a) => {
        let s = 0;
        for (let i = 0, n = a.length; i < n; i++) {
          const v = a[i];
          s = (s + v) | 0;
        }
        return s;
      };
      const sumIndexed = (a, s) => {
        for (let i = 0; i < a.length; i++) s = (s + a[i]) | 0;
        return s;
      };
      return () => sumIndexed(data, sumValues(data));
    },
  },
  {
    name: 'sum over a table of 1e5 slots',
    setup: `
      tbl <- {};
      for (local i = 0; i < 100000; i++) tbl["k" + i] <- i;
      function bench() {
        local s = 0;
        foreach (k, v in tbl) s += v;
        for (local i = 0; i < 100000; i += 10) s += tbl["k" + i];
        return s;
      }`,
    js() {
      const tbl = new Map();
      for (let i = 0; i < 100000; i++) tbl.set('k' + i, i);
      return () => {
        let s = 0;
        for (const v of tbl.values()) s = (s + v) | 0;
        for (let i = 0; i < 100000; i += 10) s = (s + tbl.get('k' + i)) | 0;
        return s;
      };
    },
  },
  {
    name: 'string building, 1e5 appends',
    setup: `
      function bench() {
        local s = "";
        for (local i = 0; i < 100000; i++) s += (i % 10);
        return s.len();
      }`,
    js() {
      return () => {
        let s = '';
        for (let i = 0; i < 100000; i++) s += String(i % 10);
        return s.length;
      };
    },
  },
  {
    name: 'method calls on instances, 1e6',
    setup: `
      class Acc {
        total = 0;
        function add(n) { total += n; return this; }
        function get() { return total; }
      }
      function bench() {
        local a = Acc();
        for (local i = 0; i < 1000000; i++) a.add(i & 7);
        return a.get();
      }`,
    js() {
      class Acc {
        total = 0;
        add(n) { this.total = (this.total + n) | 0; return this; }
        get() { return this.total; }
      }
      return () => {
        const a = new Acc();
        for (let i = 0; i < 1000000; i++) a.add(i & 7);
        return a.get();
      };
    },
  },
  {
    name: 'sort 1e5 integers',
    setup: `
      nums <- array(100000);
      local seed = 1;
      for (local i = 0; i < 100000; i++) { seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF; nums[i] = seed % 1000000; }
      function bench() { local a = clone nums; a.sort(); return a[0] + a[50000] + a[99999]; }`,
    js() {
      const nums = lcgNumbers();
      return () => {
        const a = nums.slice();
        a.sort((x, y) => x - y);
        return a[0] + a[50000] + a[99999];
      };
    },
  },
  {
    name: 'sort 1e5 integers with a comparison function',
    setup: `
      nums <- array(100000);
      local seed = 1;
      for (local i = 0; i < 100000; i++) { seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF; nums[i] = seed % 1000000; }
      function bench() { local a = clone nums; a.sort(function(x, y) { return y <=> x; }); return a[0] + a[50000] + a[99999]; }`,
    js() {
      const nums = lcgNumbers();
      return () => {
        const a = nums.slice();
        a.sort((x, y) => (y < x ? -1 : y > x ? 1 : 0));
        return a[0] + a[50000] + a[99999];
      };
    },
  },
];

/** The same pseudo-random numbers as the Squirrel setup (32-bit wrapping LCG). */
function lcgNumbers() {
  const out = new Array(100000);
  let seed = 1;
  for (let i = 0; i < 100000; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    out[i] = seed % 1000000;
  }
  return out;
}

/** Consumes every result, so that no timed run can be optimised away. */
let sink = 0;
function consume(r) {
  sink = (sink + (typeof r === 'number' ? r : String(r).length)) | 0;
}

/** Times one run of fn (ms) and consumes its result. */
function time(fn) {
  const t = process.hrtime.bigint();
  const r = fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  consume(r);
  return { ms, r };
}

/**
 * Warms both sides up (at least WARM runs and WARM_MS each, so that the JIT
 * has finished optimising even on a loaded machine), then alternates timed runs
 * of the two sides (load changes hit both alike) and keeps the best of each.
 */
function measure(sqFn, jsFn) {
  for (const fn of [sqFn, jsFn]) {
    if (!fn) continue;
    const t0 = Date.now();
    for (let i = 0; i < WARM || Date.now() - t0 < WARM_MS; i++) time(fn);
  }
  const sq = { ms: Infinity, result: undefined };
  const js = { ms: Infinity, result: undefined };
  for (let i = 0; i < RUNS; i++) {
    for (const [fn, best] of [[sqFn, sq], [jsFn, js]]) {
      if (!fn) continue;
      const { ms, r } = time(fn);
      best.ms = Math.min(best.ms, ms);
      best.result = r;
    }
  }
  return { sq, js };
}

const results = [];
for (const p of programs) {
  const vm = createVM({ budget: 2_000_000_000, memoryLimit: 1024 * 1024 * 1024, print: (t) => console.log(t) });
  let sqFn = null;
  let error = null;
  try {
    vm.run(compile(p.setup, 'bench.nut'), 'bench.nut');
    const fn = vm.getGlobal('bench');
    const f = () => vm.toJS(vm.call(fn, vm.root, []));
    f();
    sqFn = f;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const { sq, js } = measure(sqFn, p.js());
  const row = { name: p.name, squirrelMs: sqFn ? sq.ms : null, jsMs: js.ms, ratio: sqFn ? sq.ms / js.ms : null, error };
  if (sqFn && sq.result !== js.result) row.error = `result differs: squirrel ${sq.result}, js ${js.result}`;
  results.push(row);
}

const ok = results.filter((r) => r.ratio != null && !r.error);
const worst = ok.reduce((a, r) => (a === null || r.ratio > a.ratio ? r : a), null);
const geomean = ok.length ? Math.exp(ok.reduce((s, r) => s + Math.log(r.ratio), 0) / ok.length) : null;
const over = results.filter((r) => r.ratio == null || r.ratio > GOAL || r.error);
const summary =
  `summary: ${over.length === 0 ? `all ${results.length} ratios ≤ ${GOAL}` : `${over.length} of ${results.length} program(s) miss the goal of ratio ≤ ${GOAL}`}` +
  (worst ? `; worst ${worst.ratio.toFixed(1)} (${worst.name}); geometric mean ${geomean.toFixed(1)}` : '') +
  `; best of ${RUNS} runs (sink ${sink})`;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ results, summary }, null, 2));
} else {
  const w = Math.max(...results.map((r) => r.name.length));
  console.log(`${'program'.padEnd(w)}  squirrel ms      js ms   ratio`);
  for (const r of results) {
    const sqMs = r.squirrelMs == null ? '-' : r.squirrelMs.toFixed(1);
    const ratio = r.ratio == null ? '-' : r.ratio.toFixed(1);
    console.log(`${r.name.padEnd(w)}  ${sqMs.padStart(11)}  ${r.jsMs.toFixed(1).padStart(9)}  ${ratio.padStart(6)}${r.error ? `  (${r.error})` : ''}`);
  }
  console.log(summary);
}
process.exit(0);
