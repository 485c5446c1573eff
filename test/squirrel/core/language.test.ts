import { describe, expect, it } from 'vitest';
import { SqThrow, compile, createVM } from '../../../src/squirrel/index.js';

function out(src: string, floatBits: 32 | 64 = 32): string[] {
  const lines: string[] = [];
  const vm = createVM({ floatBits, print: (t) => lines.push(t) });
  try {
    vm.run(compile(src, 't.nut'));
  } catch (e) {
    if (!(e instanceof SqThrow)) throw e;
    lines.push(`ERROR: ${vm.tostring(e.value)} @${e.sqStack[0]?.line}`);
  }
  return lines;
}

describe('core language', () => {
  it('wraps integers and keeps floats at the VM width', () => {
    expect(out('print(0x7fffffff + 1); print(-7 / 2); print(-7 % 3); print(1 / 3.0)')).toEqual([
      '-2147483648',
      '-3',
      '-1',
      '0.333333',
    ]);
    expect(out('print((16777217.0).tointeger())', 32)).toEqual(['16777216']);
    expect(out('print((16777217.0).tointeger())', 64)).toEqual(['16777217']);
  });

  it('captures free variables by reference', () => {
    expect(
      out(`
local n = 0;
local inc = function() { n++; return n; }
inc(); inc();
print(n);
local fs = [];
foreach (i, v in [1, 2, 3]) fs.append(@() v);
print(fs[0]() + " " + fs[2]());`),
    ).toEqual(['2', '3 3']);
  });

  it('runs classes with inheritance, base calls, statics and metamethods', () => {
    expect(
      out(`
class V {
  x = 0; y = 0;
  static count = 0;
  constructor(a, b) { x = a; y = b; V.count++; }
  function _add(o) { return V(x + o.x, y + o.y); }
  function _tostring() { return "(" + x + "," + y + ")"; }
  function _cmp(o) { return x <=> o.x; }
}
class V3 extends V { z = 0; constructor(a, b, c) { base.constructor(a, b); z = c; } }
local v = V(1, 2) + V3(3, 4, 5);
print(v + " " + V.count + " " + (V(1, 0) < V(2, 0)) + " " + (V3(0, 0, 0) instanceof V));`),
    ).toEqual(['(4,6) 3 true true']);
  });

  it('runs generators and reports errors with their line', () => {
    expect(
      out(`
function range(n) { for (local i = 0; i < n; i++) yield i; }
local s = 0;
foreach (v in range(5)) s += v;
print(s);
local g = range(1);
print(resume g);
resume g;
print(g.getstatus());
resume g;`),
    ).toEqual(['10', '0', 'dead', 'ERROR: resuming dead generator @10']);
  });

  it('uses Squirrel error texts', () => {
    expect(out('local t = {}; t.x = 1;')).toEqual(["ERROR: the index 'x' does not exist @1"]);
    expect(out('local a = {} + 1;')).toEqual(["ERROR: arith op + on between 'table' and 'integer' @1"]);
    expect(out('null();')).toEqual(["ERROR: attempt to call 'null' @1"]);
    expect(out('function f(a) {}\nf(1, 2);')).toEqual(['ERROR: wrong number of parameters @2']);
    expect(out('class C {}\nlocal c = C();\nc.x <- 1;')).toEqual([
      'ERROR: class instances do not support the new slot operator @3',
    ]);
    expect(out('print({} < 1);')).toEqual(["ERROR: comparison between 'table' and 'integer' @1"]);
  });
});
