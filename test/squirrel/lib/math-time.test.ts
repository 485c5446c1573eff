import { describe, expect, it } from 'vitest';
import { SqFloat, SqTable } from '../../../src/squirrel/value.js';
import { installStdlib } from '../../../src/squirrel/lib/index.js';
import { RAND_MAX } from '../../../src/squirrel/lib/math.js';
import { dateTable } from '../../../src/squirrel/lib/time.js';
import { callRoot, fakeHost, plain } from './fake-host.js';

function setup(bits: 32 | 64 = 32) {
  const host = fakeHost(bits);
  const root = new SqTable();
  installStdlib(host, root);
  const math = root.map.get('math') as SqTable;
  return { host, root, math };
}

describe('math', () => {
  it('is a table and root functions, sharing the natives', () => {
    const { root, math } = setup();
    for (const name of ['abs', 'fabs', 'sqrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'exp', 'log', 'log10', 'pow', 'floor', 'ceil', 'rand', 'srand']) {
      expect(math.map.get(name)).toBeDefined();
      expect(root.map.get(name)).toBe(math.map.get(name));
    }
    expect(math.map.get('RAND_MAX')).toBe(RAND_MAX);
  });

  it('returns floats of the VM width', () => {
    const dev = setup(32);
    const agent = setup(64);
    expect((callRoot(dev.host, dev.math, 'sqrt', 2) as SqFloat).v).toBe(Math.fround(Math.SQRT2));
    expect((callRoot(agent.host, agent.math, 'sqrt', 2) as SqFloat).v).toBe(Math.SQRT2);
    expect((dev.math.map.get('PI') as SqFloat).v).toBe(Math.fround(Math.PI));
    expect((callRoot(dev.host, dev.math, 'floor', new SqFloat(-1.5)) as SqFloat).v).toBe(-2);
    expect(callRoot(dev.host, dev.math, 'ceil', 3)).toBeInstanceOf(SqFloat);
    expect((callRoot(agent.host, agent.math, 'pow', 2, 10) as SqFloat).v).toBe(1024);
    expect((callRoot(agent.host, agent.math, 'atan2', 1, 1) as SqFloat).v).toBe(Math.PI / 4);
    expect((callRoot(agent.host, agent.math, 'fabs', -2) as SqFloat).v).toBe(2);
  });

  it('abs is integer abs', () => {
    const { host, math } = setup();
    expect(callRoot(host, math, 'abs', -5)).toBe(5);
    expect(callRoot(host, math, 'abs', new SqFloat(-5.7))).toBe(5);
    expect(callRoot(host, math, 'abs', -2147483648)).toBe(-2147483648);
  });

  it('checks argument types', () => {
    const { host, math } = setup();
    expect(() => callRoot(host, math, 'sin', 'x')).toThrow("parameter 1 has an invalid type 'string' ; expected: 'integer|float'");
    expect(() => callRoot(host, math, 'pow', 1, null)).toThrow("parameter 2 has an invalid type 'null' ; expected: 'integer|float'");
    expect(() => callRoot(host, math, 'srand', 'x')).toThrow('invalid param');
  });

  it('rand uses the host until srand seeds it, then repeats per seed', () => {
    const { host, math } = setup();
    expect(callRoot(host, math, 'rand')).toBe(Math.floor(0.5 * (RAND_MAX + 1)));
    callRoot(host, math, 'srand', 42);
    const a = [0, 1, 2, 3].map(() => callRoot(host, math, 'rand') as number);
    callRoot(host, math, 'srand', 42);
    const b = [0, 1, 2, 3].map(() => callRoot(host, math, 'rand') as number);
    expect(a).toEqual(b);
    for (const r of a) expect(r >= 0 && r <= RAND_MAX).toBe(true);
    expect(new Set(a).size).toBe(4);
  });
});

describe('time', () => {
  it('time() and clock()', () => {
    const { host, root } = setup();
    expect(callRoot(host, root, 'time')).toBe(Math.floor(Date.UTC(2024, 1, 29, 13, 45, 30) / 1000));
    expect((callRoot(host, root, 'clock') as SqFloat).v).toBe(1.5);
  });

  it('date() is UTC with usec and time', () => {
    const { host, root } = setup();
    const t = Date.UTC(2024, 1, 29, 13, 45, 30) / 1000;
    expect(plain(callRoot(host, root, 'date'))).toEqual({
      sec: 30, min: 45, hour: 13, day: 29, month: 1, year: 2024, wday: 4, yday: 59, usec: 250000, time: t,
    });
    expect(plain(callRoot(host, root, 'date', 0, 'u'.charCodeAt(0)))).toEqual({
      sec: 0, min: 0, hour: 0, day: 1, month: 0, year: 1970, wday: 4, yday: 0, usec: 0, time: 0,
    });
    expect(plain(callRoot(host, root, 'date', 86400 * 365 - 1))).toMatchObject({ year: 1970, month: 11, day: 31, yday: 364 });
    expect([...(dateTable(0, 0).map.keys())]).toEqual(['sec', 'min', 'hour', 'day', 'month', 'year', 'wday', 'yday', 'usec', 'time']);
    expect(() => callRoot(host, root, 'date', 'x')).toThrow("parameter 1 has an invalid type 'string' ; expected: 'integer|float'");
  });

  it('installStdlib installs everything', () => {
    const { root } = setup();
    for (const name of ['format', 'split', 'strip', 'lstrip', 'rstrip', 'regexp', 'regexp2', 'blob', 'math', 'time', 'date', 'clock']) {
      expect(root.map.has(name)).toBe(true);
    }
  });
});
