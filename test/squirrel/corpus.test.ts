// Conformance corpus of the Squirrel 3.0.4 interpreter (src/squirrel).
//
// Every test/squirrel/corpus/<area>/<name>.nut and test/squirrel/realworld/<name>.nut
// runs in a fresh VM; its output must equal <name>.out exactly:
//   - one line per print() call;
//   - one line `[stderr] <text>` per error() call;
//   - on an uncaught Squirrel error: `ERROR: <tostring of the thrown value>` and
//     `LINE: <line of the innermost frame of this script>`;
//   - on a compile error, the whole output is `COMPILE ERROR: <message> (line L)`.
// Floats are 32-bit (device) unless the first line of the program is `// agent`.
// The clock is fixed (time() = 1700000000, 123 ms into the second), clock() and
// math.rand are deterministic, so outputs do not depend on the machine.
//
// Only the public host API (src/squirrel/index.ts) is used.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesToUtf8, compile, createVM, SqCompileError, SqThrow } from '../../src/squirrel/index.js';
import { listNut } from './nut-files.js';

const here = new URL('.', import.meta.url).pathname;


/** Runs one program the way the corpus defines it and returns its output text. */
export function runProgram(source: string, srcName: string): string {
  const lines: string[] = [];
  let script;
  try {
    script = compile(source, srcName);
  } catch (e) {
    if (e instanceof SqCompileError) return `COMPILE ERROR: ${e.message} (line ${e.line})\n`;
    throw e;
  }
  let seed = 12345;
  const vm = createVM({
    floatBits: /^\/\/ agent\b/.test(source) ? 64 : 32,
    print: (t) => lines.push(t),
    error: (t) => lines.push(`[stderr] ${t}`),
    now: () => 1700000000123,
    cpuClock: () => 0.25,
    random: () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    },
  });
  try {
    vm.run(script, srcName);
  } catch (e) {
    if (!(e instanceof SqThrow)) throw e;
    lines.push(`ERROR: ${bytesToUtf8(vm.tostring(e.value))}`);
    const frame = e.sqStack.find((f) => f.src === srcName && f.line > 0) ?? e.sqStack.find((f) => f.line > 0);
    lines.push(`LINE: ${frame ? frame.line : '?'}`);
  }
  return lines.map((l) => l + '\n').join('');
}

function cases(dir: string): [string, string][] {
  return listNut(dir).map((p) => [relative(dir, p), p]);
}

describe('squirrel corpus', () => {
  it.each(cases(join(here, 'corpus')))('%s', (name, path) => {
    const source = readFileSync(path, 'utf8');
    const expected = readFileSync(path.replace(/\.nut$/, '.out'), 'utf8');
    expect(runProgram(source, name)).toBe(expected);
  });
});

const realworld = cases(join(here, 'realworld'));
describe.skipIf(realworld.length === 0)('squirrel real-world programs', () => {
  it.each(realworld)('%s', (name, path) => {
    const source = readFileSync(path, 'utf8');
    const expected = readFileSync(path.replace(/\.nut$/, '.out'), 'utf8');
    expect(runProgram(source, name)).toBe(expected);
  });
});
