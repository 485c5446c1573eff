// A LibHost for the library's unit tests: no interpreter, fixed clocks.
import { SqFloat, SqNativeFunction, SqTable } from '../../../src/squirrel/value.js';
import type { SqValue } from '../../../src/squirrel/value.js';
import { typeName } from '../../../src/squirrel/lib/args.js';
import type { LibHost } from '../../../src/squirrel/lib/host.js';
import { floatToString } from '../../../src/squirrel/lib/number-format.js';

export interface FakeHost extends LibHost {
  allocated: number;
}

export function fakeHost(floatBits: 32 | 64 = 32): FakeHost {
  const host: FakeHost = {
    floatBits,
    allocated: 0,
    now: () => Date.UTC(2024, 1, 29, 13, 45, 30, 250),
    cpuClock: () => 1.5,
    random: () => 0.5,
    tostring: (v) => (v instanceof SqFloat ? floatToString(v.v, floatBits) : String(v)),
    call: (fn, self, args) => (fn as SqNativeFunction).impl(host, self, args),
    typeName,
    allocate(bytes) {
      host.allocated += bytes;
    },
  };
  return host;
}

/** Calls root[name](...args) the way the VM would (this = root). */
export function callRoot(host: LibHost, root: SqTable, name: string, ...args: SqValue[]): SqValue {
  const fn = root.map.get(name) as SqNativeFunction;
  if (!fn) throw new Error(`no ${name}`);
  return fn.impl(host, root, args);
}

/** A table's slots as a plain object (for toEqual). */
export function plain(t: SqValue): Record<string, unknown> {
  return Object.fromEntries((t as SqTable).map);
}
