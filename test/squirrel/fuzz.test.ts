// Fuzzing of the Squirrel interpreter through its public host API: seeded random
// byte strings, random token soups and mutated corpus programs are compiled and
// run with a small instruction budget, call depth and memory limit. Whatever the
// input, only SqCompileError, SqThrow or SqBudgetExceeded may escape, and every
// case must end (the budget bounds the run; the suite's timeout bounds the rest).
// Everything is deterministic: the same seeds give the same cases on every run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, createVM, SqBudgetExceeded, SqCompileError, SqThrow } from '../../src/squirrel/index.js';
import { listNut } from './nut-files.js';

const corpusDir = new URL('./corpus', import.meta.url).pathname;

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const TOKENS = [
  'local', 'function', 'class', 'extends', 'constructor', 'return', 'yield', 'resume', 'if', 'else', 'while',
  'do', 'for', 'foreach', 'in', 'switch', 'case', 'default', 'break', 'continue', 'try', 'catch', 'throw',
  'typeof', 'instanceof', 'delete', 'clone', 'static', 'const', 'enum', 'base', 'this', 'null', 'true', 'false',
  'x', 'y', 'f', 'g', 't', 'a', 'print', 'vargv', 'getroottable', 'array', 'blob', 'format', 'regexp', 'math',
  '0', '1', '-1', '0x7FFFFFFF', '2.5', '1e10', "'a'", '"s"', '@"v"', '"\\n"', '[]', '{}', '...', '@',
  '(', ')', '[', ']', '{', '}', ';', ',', '.', ':', '::', '?', '=', '<-', '==', '!=', '<', '>', '<=', '>=',
  '<=>', '+', '-', '*', '/', '%', '++', '--', '+=', '-=', '&&', '||', '!', '~', '&', '|', '^', '<<', '>>', '>>>',
  '</', '/>', '\n', ' ',
] as const;

const BYTES = 'abcxyz019_ (){}[];,.:=<>+-*/%!&|^~?@#"\'\\\n\t';


/** Rough Squirrel tokens of a source text (enough to mutate at token granularity). */
function tokenize(src: string): string[] {
  return src.match(/\s+|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[A-Za-z_]\w*|0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:e[+-]?\d+)?|<-|<=>|>>>|<<|>>|[=!<>]=|\+\+|--|&&|\|\||::|\.\.\.|[+\-*/%]=|./g) ?? [];
}

function mutate(r: () => number, src: string): string {
  const rounds = 1 + Math.floor(r() * 3);
  let text = src;
  for (let n = 0; n < rounds; n++) {
    if (r() < 0.5) {
      const toks = tokenize(text);
      if (toks.length === 0) continue;
      const i = Math.floor(r() * toks.length);
      const j = Math.floor(r() * toks.length);
      switch (Math.floor(r() * 4)) {
        case 0: toks.splice(i, 1); break;
        case 1: toks.splice(i, 0, toks[i]); break;
        case 2: [toks[i], toks[j]] = [toks[j], toks[i]]; break;
        default: toks.splice(i, 0, ' ' + pick(r, TOKENS) + ' ');
      }
      text = toks.join('');
    } else {
      const lines = text.split('\n');
      const i = Math.floor(r() * lines.length);
      const j = Math.floor(r() * lines.length);
      switch (Math.floor(r() * 3)) {
        case 0: lines.splice(i, 1); break;
        case 1: lines.splice(i, 0, lines[i]); break;
        default: [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      text = lines.join('\n');
    }
  }
  return text;
}

interface Outcome {
  kind: 'ok' | 'compile' | 'throw' | 'budget' | 'unexpected';
  detail?: string;
}

function runCase(source: string): Outcome {
  let script;
  try {
    script = compile(source, 'fuzz.nut');
  } catch (e) {
    if (e instanceof SqCompileError) return { kind: 'compile' };
    return { kind: 'unexpected', detail: `compile: ${e instanceof Error ? e.stack : String(e)}` };
  }
  const vm = createVM({
    budget: 200_000,
    maxDepth: 100,
    memoryLimit: 4 * 1024 * 1024,
    print: () => {},
    error: () => {},
    now: () => 1700000000000,
    cpuClock: () => 0,
    random: rng(7),
  });
  try {
    vm.run(script, 'fuzz.nut');
    return { kind: 'ok' };
  } catch (e) {
    if (e instanceof SqThrow) return { kind: 'throw' };
    if (e instanceof SqBudgetExceeded) return { kind: 'budget' };
    return { kind: 'unexpected', detail: `run: ${e instanceof Error ? e.stack : String(e)}` };
  }
}

function check(sources: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const bad: { source: string; detail?: string }[] = [];
  for (const src of sources) {
    const o = runCase(src);
    counts[o.kind] = (counts[o.kind] ?? 0) + 1;
    if (o.kind === 'unexpected') bad.push({ source: src, detail: o.detail });
  }
  expect(bad.slice(0, 3), `${bad.length} case(s) let a host error escape`).toEqual([]);
  return counts;
}

describe('squirrel fuzz', () => {
  it('random byte strings', () => {
    const r = rng(20240601);
    const sources: string[] = [];
    for (let n = 0; n < 150; n++) {
      const len = Math.floor(r() * 120);
      let s = '';
      for (let i = 0; i < len; i++) s += r() < 0.9 ? pick(r, BYTES.split('')) : String.fromCharCode(Math.floor(r() * 256));
      sources.push(s);
    }
    const counts = check(sources);
    expect(counts.compile).toBeGreaterThan(0);
  });

  it('random token soups', () => {
    const r = rng(77);
    const sources: string[] = [];
    for (let n = 0; n < 150; n++) {
      const len = 1 + Math.floor(r() * 40);
      const toks: string[] = [];
      for (let i = 0; i < len; i++) toks.push(pick(r, TOKENS));
      sources.push(toks.join(' '));
    }
    check(sources);
  });

  it('mutated corpus programs', () => {
    const r = rng(4242);
    const files = listNut(corpusDir);
    expect(files.length).toBeGreaterThan(100);
    const sources: string[] = [];
    for (let n = 0; n < 300; n++) sources.push(mutate(r, readFileSync(pick(r, files), 'utf8')));
    const counts = check(sources);
    // mutations must not all be rejected by the compiler, or the runtime goes unfuzzed
    expect((counts.ok ?? 0) + (counts.throw ?? 0) + (counts.budget ?? 0)).toBeGreaterThan(50);
  });

  it('programs that exhaust the budget, the stack or memory end with a Squirrel-level outcome', () => {
    const kinds = [
      'while (true) {}',
      'for (;;) { local a = [1, 2, 3]; }',
      'function f() { return f(); } f();',
      'function g(n) { return g(n + 1) + 1; } g(0);',
      'local s = "x"; while (true) s += s;',
      'local a = []; while (true) a.append(a.len());',
      'local t = {}; for (local i = 0; ; i++) t[i] <- i;',
      'function gen() { while (true) yield 1; } foreach (v in gen()) {}',
      'local b = blob(); while (true) b.writen(1, \'i\');',
      'array(100000000);',
      'local a = array(1000, 0); a.sort(function(x, y) { while (true) {} });',
      'class A { function _get(k) { return this[k]; } } A().x;',
      'local t = {}; t.setdelegate({ _get = function(k) { return this[k]; } }); t.x;',
    ].map(runCase);
    for (const o of kinds) expect(['throw', 'budget']).toContain(o.kind);
  });
});
