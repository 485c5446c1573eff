// The walls of docs/architecture.md (and /shared/docs/DESIGN.md), checked on
// the import statements of src/: which layer may import which, that only
// src/output writes to the process's streams, that only the process boundary
// ends the process or handles signals, and that no two folders import each
// other (directly or round a longer cycle). Type-only imports do not count
// for the layers that may import "types only", nor for cycles.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = path.join(ROOT, 'src');

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
  /** `import(…)`: loaded when first used */
  dynamic: boolean;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|cjs|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.d.cts') ? [p] : [];
  });
}

const FILES = sourceFiles(SRC).map((f) => path.relative(SRC, f).split(path.sep).join('/'));
const TEXT = new Map(FILES.map((f) => [f, fs.readFileSync(path.join(SRC, f), 'utf8')]));

/** Our imports of a file (static, dynamic, re-exports), resolved to files under src/. */
function importsOf(file: string): Import[] {
  const text = TEXT.get(file)!;
  const out: Import[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|require\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    const spec = m[3] ?? m[4] ?? m[5]!;
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');
    // the package manifest (for --version) is no layer of ours
    if (resolved === '../package.json') continue;
    const typeOnly = Boolean(m[2]) || /^\s*(import|export)\s+\{[^}]*\}/.test(m[0]) && /^[^{]*\{(\s*type\s+[^,}]+,?)+\s*\}/.test(m[0].replace(/^\s*(import|export)\s+/, ''));
    out.push({ from: file, to: resolved, typeOnly, dynamic: m[4] !== undefined, line: text.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0) });
  }
  return out;
}

const IMPORTS = FILES.flatMap(importsOf);

/** api, context, …; a file at the top of src/ is its own layer (errors.ts → 'errors'). */
function layer(file: string): string {
  const [head] = file.split('/');
  return head!.replace(/\.ts$/, '');
}

/**
 * What each layer may import of ours, besides itself. `types` is the
 * types-only folder, open to every layer. A layer listed in TYPES_ONLY may
 * import anything as types, nothing as values.
 */
const MAY_IMPORT: Record<string, string[]> = {
  api: ['types'],
  context: ['api', 'errors', 'types'],
  identify: ['api', 'errors', 'types'],
  output: ['types'],
  prompt: ['output', 'errors', 'types'],
  errors: ['types'],
  types: [],
  // handlers use the spec types of src/cli/spec.ts
  commands: ['api', 'context', 'identify', 'output', 'prompt', 'errors', 'types', 'testing', 'cli/spec.ts', 'cli/io.ts'],
  // the boundary maps the errors of api and errors.ts to output
  cli: ['commands', 'output', 'api', 'errors', 'types'],
  emulator: ['api/wire.ts', 'squirrel'],
  squirrel: [],
  testing: ['api', 'context', 'output', 'errors', 'types'],
};
const TYPES_ONLY = new Set(['output', 'cli', 'commands']);

/**
 * Known debts, each to be paid and removed from here (the test fails when
 * one is paid but still listed).
 */
const KNOWN: string[] = [];

/**
 * Known folder cycles, to be broken and removed from here. squirrel/lib is
 * the interpreter's standard library: it speaks the value model of its parent
 * folder, which installs it in every VM.
 */
const KNOWN_CYCLES: string[][] = [
  ['squirrel', 'squirrel/lib'],
];

function allowed(imp: Import): boolean {
  const from = layer(imp.from);
  const to = layer(imp.to);
  if (from === to) return true;
  const rules = MAY_IMPORT[from];
  if (!rules) return false;
  if (rules.includes(to) || rules.includes(imp.to)) return true;
  return imp.typeOnly && TYPES_ONLY.has(from);
}

describe('architecture', () => {
  it('reads the imports of every source file', () => {
    expect(FILES.length).toBeGreaterThan(50);
    for (const imp of IMPORTS) expect(TEXT.has(imp.to), `${imp.from}:${imp.line} imports ${imp.to}, which is not a source file`).toBe(true);
  });

  it('every layer imports only what docs/architecture.md lets it', () => {
    for (const l of new Set(FILES.map(layer))) expect(MAY_IMPORT, `layer ${l} has no rule`).toHaveProperty([l]);
    const bad = IMPORTS.filter((i) => !allowed(i)).map((i) => `${i.from} -> ${i.to}`);
    const unique = [...new Set(bad)];
    expect(unique.filter((b) => !KNOWN.includes(b)), 'imports across a wall').toEqual([]);
    expect(KNOWN.filter((k) => !unique.includes(k)), 'paid debts still listed in KNOWN').toEqual([]);
  });

  it('only src/output writes to the process streams, only src/cli/main.ts ends the process or handles signals', () => {
    const CLI_SIDE = FILES.filter((f) => !['emulator', 'squirrel'].includes(layer(f)));
    const writes = CLI_SIDE.filter((f) => layer(f) !== 'output' && /process\.(stdout|stderr)\.write|console\.(log|error|warn|info)\(/.test(TEXT.get(f)!));
    expect(writes).toEqual([]);
    const exits = CLI_SIDE.filter((f) => f !== 'cli/main.ts' && /process\.(exit|kill)\(|process\.(on|once|off)\(\s*['"]SIG/.test(TEXT.get(f)!));
    expect(exits).toEqual([]);
  });

  it('no folder import cycle', () => {
    const dir = (f: string) => path.posix.dirname(f);
    const edges = new Map<string, Set<string>>();
    for (const i of IMPORTS) {
      if (i.typeOnly || dir(i.from) === dir(i.to)) continue;
      if (!edges.has(dir(i.from))) edges.set(dir(i.from), new Set());
      edges.get(dir(i.from))!.add(dir(i.to));
    }
    // Tarjan's strongly connected components: a component of several folders is a cycle
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      onStack.add(v);
      for (const w of edges.get(v) ?? []) {
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1) cycles.push(scc.sort());
      }
    };
    for (const v of edges.keys()) if (!idx.has(v)) visit(v);
    const key = (c: string[]) => c.join(' <-> ');
    const known = KNOWN_CYCLES.map(key);
    expect(cycles.map(key).filter((c) => !known.includes(c)), 'folders that import each other').toEqual([]);
    expect(known.filter((k) => !cycles.map(key).includes(k)), 'broken cycles still listed in KNOWN_CYCLES').toEqual([]);
  });

  it('the start-up bundle (what src/cli/main.ts imports statically) holds no state and no classes', () => {
    // dist/impt.cjs and the lazy bundles each carry a copy of these modules:
    // a class would make `instanceof` fail across the copies, and a
    // module-level variable would have two values
    const core = new Set<string>();
    const visit = (f: string) => {
      if (core.has(f) || !TEXT.has(f)) return;
      core.add(f);
      for (const i of IMPORTS) if (i.from === f && !i.typeOnly && !i.dynamic) visit(i.to);
    };
    visit('cli/main.ts');
    expect([...core].sort()).toContain('cli/dispatch.ts');
    const stateful = [...core].filter((f) => f !== 'cli/main.ts' && /^(export\s+)?(abstract\s+)?class\s|^(export\s+)?(let|var)\s/m.test(TEXT.get(f)!));
    expect(stateful, 'modules of the start-up bundle with classes or module-level variables').toEqual([]);
  });
});
