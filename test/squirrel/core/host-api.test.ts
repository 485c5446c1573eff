import { describe, expect, it } from 'vitest';
import {
  SqBudgetExceeded,
  SqCompileError,
  SqFloat,
  SqInstance,
  SqTable,
  SqThrow,
  compile,
  createVM,
  rtError,
} from '../../../src/squirrel/index.js';

function run(src: string, opts: Parameters<typeof createVM>[0] = {}) {
  const out: string[] = [];
  const vm = createVM({ print: (t) => out.push(t), error: (t) => out.push(`E:${t}`), ...opts });
  let err: unknown;
  let result: unknown;
  try {
    result = vm.run(compile(src, 'test.nut'));
  } catch (e) {
    err = e;
  }
  return { out, err, vm, result };
}

describe('compile', () => {
  it('reports Squirrel wording with line and column', () => {
    try {
      compile('local a = 1\nlocal b = ;', 'x.nut');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SqCompileError);
      const c = e as SqCompileError;
      expect(c.message).toBe('expression expected');
      expect(c.line).toBe(2);
      expect(c.column).toBe(11);
      expect(c.srcName).toBe('x.nut');
    }
    expect(() => compile('local x = 1 2', 'x')).toThrow('end of statement expected (; or lf)');
    expect(() => compile('local 5', 'x')).toThrow("expected 'IDENTIFIER'");
    expect(() => compile('break', 'x')).toThrow("'break' has to be in a loop block");
    expect(() => compile('local s = "abc', 'x')).toThrow('unfinished string');
  });

  it('compiles once and runs in many independent VMs', () => {
    const script = compile('counter <- ("counter" in getroottable()) ? counter + 1 : 1; return counter;', 's');
    const a = createVM();
    const b = createVM();
    expect(a.run(script)).toBe(1);
    expect(a.run(script)).toBe(2);
    expect(b.run(script)).toBe(1);
  });
});

describe('errors', () => {
  it('carries the Squirrel call stack, innermost first', () => {
    const { err } = run('function inner() {\n  local t = {};\n  return t.missing;\n}\nfunction outer() {\n  return inner();\n}\nouter();');
    expect(err).toBeInstanceOf(SqThrow);
    const t = err as SqThrow;
    expect(t.value).toBe("the index 'missing' does not exist");
    expect(t.sqStack).toEqual([
      { func: 'inner', src: 'test.nut', line: 3 },
      { func: 'outer', src: 'test.nut', line: 6 },
      { func: 'main', src: 'test.nut', line: 8 },
    ]);
  });

  it('throws any value and catches runtime errors as strings', () => {
    const { out } = run('try { throw {a = 1} } catch (e) { print(e.a) }\ntry { 1 / 0 } catch (e) { print(e) }');
    expect(out).toEqual(['1', 'division by zero']);
  });

  it('turns deep recursion into a catchable stack overflow', () => {
    const { out } = run('function f(n) { return f(n + 1) }\ntry { f(0) } catch (e) { print(e) }', { maxDepth: 200 });
    expect(out).toEqual(['stack overflow']);
  });

  it('never lets a host JS error escape as a non-Squirrel error', () => {
    const vm = createVM();
    vm.setGlobal(
      'boom',
      vm.native('boom', () => {
        throw new TypeError('oops');
      }),
    );
    try {
      vm.run('boom()', 'h.nut');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SqThrow);
      expect((e as SqThrow).value).toBe('internal error: oops');
    }
  });

  it('calls the error handler for uncaught errors', () => {
    const { out } = run('seterrorhandler(function(e) { print("handler: " + e) })\nthrow "x"');
    expect(out).toEqual(['handler: x']);
  });
});

describe('metering', () => {
  it('aborts an endless loop with SqBudgetExceeded that try/catch cannot catch', () => {
    const { err, out } = run('try { while (true) {} } catch (e) { print("caught") }', { budget: 10_000 });
    expect(err).toBeInstanceOf(SqBudgetExceeded);
    expect(out).toEqual([]);
  });

  it('resets the budget for each host entry', () => {
    const vm = createVM({ budget: 5_000 });
    vm.run('function spin(n) { for (local i = 0; i < n; i++) {} }', 's');
    const spin = vm.getGlobal('spin')!;
    for (let i = 0; i < 5; i++) vm.call(spin, vm.root, [3000]);
    expect(() => vm.call(spin, vm.root, [10_000])).toThrow(SqBudgetExceeded);
    // the VM stays usable afterwards
    expect(vm.run('return 1 + 1', 's')).toBe(2);
  });

  it('reports out of memory as a Squirrel error', () => {
    const { out } = run('local a = []; try { while (true) a.append(1) } catch (e) { print(e) }', {
      memoryLimit: 100_000,
      budget: 1e7,
    });
    expect(out).toEqual(['out of memory']);
    const r = run('local s = "x"; try { while (true) s += s } catch (e) { print(e) }', { memoryLimit: 1_000_000 });
    expect(r.out).toEqual(['out of memory']);
  });

  it('estimates memory reachable from the root table', () => {
    const vm = createVM();
    const before = vm.memoryUsed();
    vm.run('big <- array(10000, 0)', 's');
    expect(vm.memoryUsed() - before).toBeGreaterThan(70_000);
  });
});

describe('host API', () => {
  it('calls Squirrel closures with a this value and arguments', () => {
    const vm = createVM();
    vm.run('function add(a, b = 10) { return a + b + this.k }', 's');
    const env = vm.fromJS({ k: 100 });
    expect(vm.call(vm.getGlobal('add')!, env, [1])).toBe(111);
    expect(vm.call(vm.getGlobal('add')!, env, [1, 2])).toBe(103);
  });

  it('converts plain data both ways, with UTF-8 strings as bytes inside', () => {
    const vm = createVM({ floatBits: 64 });
    const v = vm.fromJS({ a: [1, 2.5, 'é', true, null], b: { c: 'x' } });
    expect(v).toBeInstanceOf(SqTable);
    expect(vm.run('return 1', 's')).toBe(1);
    vm.setGlobal('data', v);
    expect(vm.run('return data.a[2].len()', 's')).toBe(2);
    expect(vm.toJS(v)).toEqual({ a: [1, 2.5, 'é', true, null], b: { c: 'x' } });
    expect(vm.tostring(new SqFloat(0.5))).toBe('0.5');
  });

  it('prints UTF-8 text', () => {
    const { out } = run('print("héllo " + "é".len())');
    expect(out).toEqual(['héllo 2']);
  });

  it('builds native classes whose instances Squirrel code uses', () => {
    const vm = createVM();
    const out: string[] = [];
    const vm2 = createVM({ print: (t) => out.push(t) });
    void vm;
    const Pin = vm2.nativeClass('pin', {
      constructor: (_vm, inst, args) => {
        inst.native = { n: args[0], v: 0 };
      },
      methods: {
        write: (_vm, self, args) => {
          ((self as SqInstance).native as { v: unknown }).v = args[0];
          return 0;
        },
        read: (_vm, self) => ((self as SqInstance).native as { v: number }).v,
        fail: () => {
          throw rtError('pin failure');
        },
      },
      typeofName: 'pin',
    });
    vm2.setGlobal('Pin', Pin);
    vm2.run('local p = Pin(5); p.write(7); print(p.read() + " " + typeof p); try { p.fail() } catch (e) { print(e) }', 's');
    expect(out).toEqual(['7 pin', 'pin failure']);
  });
});
